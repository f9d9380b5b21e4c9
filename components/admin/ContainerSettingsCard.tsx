import { Alert, Descriptions, Typography } from 'antd';
import type { ContainerSettingsInfo } from '../../src/protocol/index.js';

const NETWORK_LABELS: Record<'on' | 'off' | 'host-loopback', string> = {
  on: 'On (internet, not the host)',
  off: 'Off (no network)',
  'host-loopback': "On, with the host's loopback as 10.0.2.2",
};

/** Seconds as the admin reads them: "10 min", "90 s". */
function duration(seconds: number): string {
  return seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}

/**
 * Where the hub runs agents, read-only: these are the hub's start-up flags (`--sandbox`, `--rootfs`,
 * `--container-*`), so the page says so instead of offering fields.
 */
export function ContainerSettingsCard({ containers }: { containers: ContainerSettingsInfo }) {
  return (
    <section aria-label="Project containers" style={{ marginTop: 24, maxWidth: 560 }}>
      <Typography.Title level={3}>Project containers</Typography.Title>
      {containers.mode === 'none' ? (
        <Alert type="warning" showIcon title="Agents run on the host (--sandbox none), with the hub's own rights: for development only." />
      ) : (
        <>
          <Typography.Paragraph type="secondary">Every project's agents run in its own podman container. Set when the hub starts (codex-chat --help).</Typography.Paragraph>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="Mode">podman</Descriptions.Item>
            {containers.rootfs && <Descriptions.Item label="Root folder">{containers.rootfs}</Descriptions.Item>}
            {containers.image && <Descriptions.Item label="Image">{containers.image}</Descriptions.Item>}
            <Descriptions.Item label="Network">{NETWORK_LABELS[containers.network]}</Descriptions.Item>
            <Descriptions.Item label="Memory">{containers.memory ?? 'no limit'}</Descriptions.Item>
            <Descriptions.Item label="Processes">{containers.pids ?? 'no limit'}</Descriptions.Item>
            <Descriptions.Item label="CPUs">{containers.cpus ?? 'no limit'}</Descriptions.Item>
            <Descriptions.Item label="Idle stop">{duration(containers.idleStopSeconds)}</Descriptions.Item>
          </Descriptions>
        </>
      )}
    </section>
  );
}
