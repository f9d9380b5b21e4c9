import { useStore } from 'zustand';
import type { PermissionItem } from '../../src/activity/index.js';
import { useCodexStores } from '../../stores/provider.js';
import { formatTime } from '../common/format.js';

/** The outcome line of a decided permission request: who chose what, when; or why nobody did. */
export function PermissionDecision({ item }: { item: PermissionItem }) {
  const { session } = useCodexStores();
  const accountId = useStore(session, (state) => state.accountId);
  const who = item.decidedBy === null ? 'Someone' : item.decidedBy === accountId ? 'You' : item.decidedBy;
  const option = item.options.find((each) => each.optionId === item.optionId);
  const choice = option ? `“${option.name}”` : item.optionId ? `“${item.optionId}”` : 'an option';
  const when = item.decidedAt ? ` at ${formatTime(item.decidedAt)}` : '';
  if (item.state === 'selected') {
    return <div role="status">{`${who} chose ${choice}${when}.`}</div>;
  }
  if (item.state === 'timed-out') {
    return <div role="status">{`Timed out${when}: nobody answered, so ${choice} was selected.`}</div>;
  }
  if (item.state === 'cancelled') {
    return <div role="status">{`Cancelled${when}: the turn ended before anyone decided.`}</div>;
  }
  return null;
}
