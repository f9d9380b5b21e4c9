import { Alert, Button, Flex, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { auditCsvHref, useAuditRows } from '../../stores/hooks/useAuditRows.js';
import type { AuditQuery } from '../../src/protocol/index.js';
import { AuditFilters, type AuditFilterValues } from './AuditFilters.js';
import { AuditTable } from './AuditTable.js';
import { useAuditWhoName } from './useAuditWhoName.js';

export type AuditViewProps = {
  /** The project whose rows to show; none: every row the reader may see (admins: all projects). */
  project?: string;
  /** One chat (and one thread of it): the thread's audit. */
  path?: string;
  threadKey?: string;
  /** Rows per page (the hub clamps it). */
  pageSize?: number;
};

/** Who did what: the audit rows of a project or a thread, filtered by kind, account and days, with a CSV export. */
export function AuditView({ project, path, threadKey, pageSize = 100 }: AuditViewProps) {
  const [filters, setFilters] = useState<AuditFilterValues>({ kinds: [] });
  const query = useMemo(() => toQuery({ project, path, threadKey }, filters, pageSize), [project, path, threadKey, filters, pageSize]);
  const { rows, loading, error, hasMore, loadMore } = useAuditRows(query);
  const accountIds = useMemo(() => [...new Set([...rows.map((row) => row.accountId), filters.accountId ?? null])], [rows, filters.accountId]);
  const whoName = useAuditWhoName(accountIds);
  const accounts = accountIds.filter((id): id is string => id !== null).map((accountId) => ({ accountId, name: whoName(accountId) }));
  return (
    <Flex vertical gap={12} className="cc-audit-view">
      <Flex gap={8} justify="space-between" align="center" wrap="wrap">
        <AuditFilters value={filters} onChange={setFilters} accounts={accounts} />
        <Typography.Link href={auditCsvHref(query)} download>
          Export CSV
        </Typography.Link>
      </Flex>
      {error !== null && <Alert type="error" showIcon title="The audit could not be read" description={error} />}
      <AuditTable rows={rows} loading={loading} whoName={whoName} />
      {hasMore && (
        <Button onClick={loadMore} loading={loading} style={{ alignSelf: 'center' }}>
          Load more
        </Button>
      )}
    </Flex>
  );
}

// Days are whole local days: from the first day's start to the end of the last.
function toQuery(place: Pick<AuditQuery, 'project' | 'path' | 'threadKey'>, filters: AuditFilterValues, limit: number): AuditQuery {
  const query: AuditQuery = { limit };
  if (place.project) query.project = place.project;
  if (place.path) query.path = place.path;
  if (place.threadKey) query.threadKey = place.threadKey;
  if (filters.kinds.length > 0) query.kinds = filters.kinds;
  if (filters.accountId) query.accountId = filters.accountId;
  if (filters.days) {
    query.from = filters.days[0].startOf('day').toISOString();
    query.to = filters.days[1].add(1, 'day').startOf('day').toISOString();
  }
  return query;
}
