import { Flex, InputNumber, Switch, Typography } from 'antd';

/** What `logs.stats` reports: bytes of the logs and how many turns still have one. */
export type LogStats = { bytes: number; turns: number };

type LogRetentionFieldProps = {
  /** Days to keep; null or undefined: logs are kept. */
  value: number | null | undefined;
  onChange: (days: number | null) => void;
  /** The logs' current size; null while unknown. */
  stats: LogStats | null;
};

/** Retention of the activity logs on the admin page: off, or delete those older than N days; and their size now. */
export function LogRetentionField({ value, onChange, stats }: LogRetentionFieldProps) {
  const on = value !== null && value !== undefined;
  return (
    <Flex vertical gap={4}>
      <Flex gap={8} align="center" wrap>
        <Switch id="admin-log-retention" checked={on} onChange={(checked) => onChange(checked ? DEFAULT_DAYS : null)} />
        {on ? (
          <>
            <span>older than</span>
            <InputNumber aria-label="Days to keep activity logs" value={value} onChange={(days) => onChange(typeof days === 'number' ? days : Number.NaN)} />
            <span>days (checked at hub start and daily; running turns are never touched)</span>
          </>
        ) : (
          <Typography.Text type="secondary">Off: activity logs are kept until deleted by hand.</Typography.Text>
        )}
      </Flex>
      {stats ? (
        <Typography.Text type="secondary">
          The activity logs take {formatBytes(stats.bytes)} ({stats.turns} {stats.turns === 1 ? 'turn' : 'turns'}).
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

const DEFAULT_DAYS = 30;

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}
