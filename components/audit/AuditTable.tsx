import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { AuditRow } from '../../src/protocol/index.js';
import { WhoLine } from '../people/WhoLine.js';
import { auditKindLabel } from './audit-labels.js';

export type AuditTableProps = {
  rows: AuditRow[];
  loading: boolean;
  whoName: (accountId: string | null) => string;
};

const TIME_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** The audit rows: time, who, kind, target (commands and paths in monospace), outcome. */
export function AuditTable({ rows, loading, whoName }: AuditTableProps) {
  const columns: TableColumnsType<AuditRow> = [
    { title: 'Time', dataIndex: 'at', key: 'at', width: 190, render: (at: string) => <time dateTime={at}>{TIME_FORMAT.format(new Date(at))}</time> },
    {
      title: 'Who',
      dataIndex: 'accountId',
      key: 'who',
      width: 160,
      render: (accountId: string | null) => (
        <WhoLine accountId={accountId} name={whoName(accountId)}>
          {whoName(accountId)}
        </WhoLine>
      ),
    },
    { title: 'Kind', dataIndex: 'kind', key: 'kind', width: 120, render: (kind: string) => auditKindLabel(kind) },
    {
      title: 'Target',
      dataIndex: 'target',
      key: 'target',
      render: (target: string) => (
        <Typography.Text code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
          {target}
        </Typography.Text>
      ),
    },
    { title: 'Outcome', dataIndex: 'outcome', key: 'outcome', width: 160 },
  ];
  return (
    <Table<AuditRow>
      className="cc-audit-table"
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={rows}
      loading={loading && rows.length === 0}
      pagination={false}
      locale={{ emptyText: loading ? 'Loading the audit…' : 'Nothing recorded here yet.' }}
    />
  );
}
