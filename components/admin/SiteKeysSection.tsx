import { Alert, Typography } from 'antd';
import { useAgentCredentials } from '../../stores/hooks/useAgentCredentials.js';
import { useSessionInfo } from '../../stores/hooks/useSessionInfo.js';
import { SiteKeyRow } from './SiteKeyRow.js';

/**
 * The admin page's site keys (multiuser): one per agent that takes a key, used by members without
 * their own. Nothing while loading, and nothing on a hub without site keys (lite).
 */
export function SiteKeysSection() {
  const { credentials, siteKeys, loadError, setSiteKey } = useAgentCredentials();
  const { agents } = useSessionInfo();
  if (loadError) return <Alert type="error" showIcon title={`The site keys could not be read: ${loadError}`} style={{ marginTop: 24 }} />;
  if (!credentials || !siteKeys) return null;
  const labelOf = (agent: string) => agents?.find((candidate) => candidate.id === agent)?.label ?? agent;
  return (
    <section aria-label="Site keys" style={{ marginTop: 24, maxWidth: 560 }}>
      <Typography.Title level={3}>Site keys</Typography.Title>
      <Typography.Paragraph type="secondary">Members without a key of their own use these. A key is never shown again once saved; replace or remove it.</Typography.Paragraph>
      {credentials.map((status) => (
        <SiteKeyRow
          key={status.agent}
          label={labelOf(status.agent)}
          isSet={status.hasSiteKey}
          onReplace={(apiKey) => setSiteKey(status.agent, apiKey)}
          onRemove={() => setSiteKey(status.agent, null)}
        />
      ))}
    </section>
  );
}
