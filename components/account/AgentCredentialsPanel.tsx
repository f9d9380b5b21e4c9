import { Alert, Spin, Typography } from 'antd';
import { useAgentCredentials } from '../../stores/hooks/useAgentCredentials.js';
import { useSessionInfo } from '../../stores/hooks/useSessionInfo.js';
import { AgentCredentialRow } from './AgentCredentialRow.js';

/**
 * The account settings' agent keys: one row per agent that takes an API key ("Connect Codex"). Your
 * key is used for the turns you start; without one, the site's key when the admin set one.
 */
export function AgentCredentialsPanel() {
  const { credentials, loadError, connect, disconnect } = useAgentCredentials();
  const { agents, settings } = useSessionInfo();
  const labelOf = (agent: string) => agents?.find((candidate) => candidate.id === agent)?.label ?? agent;
  return (
    <section aria-label="Agent keys" style={{ maxWidth: 560 }}>
      <Typography.Title level={3}>Agent keys</Typography.Title>
      {loadError ? (
        <Alert type="error" showIcon title={`Your agent keys could not be read: ${loadError}`} />
      ) : !credentials ? (
        <Spin description="Loading your agent keys..." />
      ) : (
        credentials.map((status) => (
          <AgentCredentialRow
            key={status.agent}
            label={labelOf(status.agent)}
            status={status}
            userKeysAllowed={settings?.codex_allow_user_tokens ?? true}
            onConnect={(apiKey) => connect(status.agent, apiKey)}
            onDisconnect={() => disconnect(status.agent)}
          />
        ))
      )}
    </section>
  );
}
