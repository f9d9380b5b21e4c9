import { DatePicker, Flex, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { AUDIT_KINDS, type AuditKind } from '../../src/protocol/index.js';
import { AUDIT_KIND_LABELS } from './audit-labels.js';

/** The view's filters: kinds (none = all), one account, a range of days. */
export type AuditFilterValues = { kinds: AuditKind[]; accountId?: string; days?: [Dayjs, Dayjs] };

export type AuditFiltersProps = {
  value: AuditFilterValues;
  onChange: (value: AuditFilterValues) => void;
  /** The accounts to offer (those seen in the rows so far, and the current choice). */
  accounts: Array<{ accountId: string; name: string }>;
};

const KIND_OPTIONS = AUDIT_KINDS.map((kind) => ({ value: kind, label: AUDIT_KIND_LABELS[kind] }));

export function AuditFilters({ value, onChange, accounts }: AuditFiltersProps) {
  return (
    <Flex gap={8} wrap="wrap" className="cc-audit-filters">
      <Select<AuditKind[]>
        mode="multiple"
        allowClear
        aria-label="Kinds"
        placeholder="All kinds"
        style={{ minWidth: 220 }}
        options={KIND_OPTIONS}
        value={value.kinds}
        onChange={(kinds) => onChange({ ...value, kinds })}
      />
      <Select<string>
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        aria-label="Account"
        placeholder="Anyone"
        style={{ minWidth: 180 }}
        options={accounts.map((account) => ({ value: account.accountId, label: account.name }))}
        value={value.accountId}
        onChange={(accountId) => onChange({ ...value, accountId })}
      />
      <DatePicker.RangePicker
        aria-label="Days"
        value={value.days ?? null}
        onChange={(days) => onChange({ ...value, days: days?.[0] && days[1] ? [days[0], days[1]] : undefined })}
      />
    </Flex>
  );
}
