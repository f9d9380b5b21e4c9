import { Alert, Spin, Typography } from 'antd';
import { useCodexStores } from '../../stores/provider.js';
import { useLogStats } from '../../stores/hooks/useLogStats.js';
import { useContainerSettings } from '../../stores/hooks/useContainerSettings.js';
import { useSessionInfo } from '../../stores/hooks/useSessionInfo.js';
import { AdminSettingsForm } from './AdminSettingsForm.js';
import { ContainerSettingsCard } from './ContainerSettingsCard.js';
import { SiteKeysSection } from './SiteKeysSection.js';

/**
 * The admin page: the hub's settings, saved through the session store. Open session-config modals
 * read the same store, so a save shows there at once (and in other tabs via `settings.change`).
 */
export function AdminPage() {
  const { session } = useCodexStores();
  const { agents, settings, isAdmin, error } = useSessionInfo();
  const logStats = useLogStats(isAdmin);
  const containers = useContainerSettings(isAdmin);
  return (
    <main aria-label="Admin settings" style={{ padding: 24 }}>
      <Typography.Title level={2}>Agent settings</Typography.Title>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {!settings || !agents ? (
        <Spin description="Loading settings..." />
      ) : !isAdmin ? (
        <Alert type="warning" showIcon title="Only the hub's admin can change these settings." />
      ) : (
        <>
          <AdminSettingsForm
            settings={settings}
            agents={agents}
            logStats={logStats}
            onSave={async (next) => {
              await session.getState().saveSettings(next);
            }}
          />
          <SiteKeysSection />
          {containers && <ContainerSettingsCard containers={containers} />}
        </>
      )}
    </main>
  );
}
