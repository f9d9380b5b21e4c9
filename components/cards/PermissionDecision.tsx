import type { PermissionItem } from '../../src/activity/index.js';
import { formatTime } from '../common/format.js';

/** The outcome line of a decided permission request: who chose what, when; or why nobody did. */
export function PermissionDecision({ item }: { item: PermissionItem }) {
  const option = item.options.find((each) => each.optionId === item.optionId);
  const choice = option ? `“${option.name}”` : item.optionId ? `“${item.optionId}”` : 'an option';
  const when = item.decidedAt ? ` at ${formatTime(item.decidedAt)}` : '';
  if (item.state === 'selected') {
    return <div role="status">{`${item.decidedBy ?? 'Someone'} chose ${choice}${when}.`}</div>;
  }
  if (item.state === 'timed-out') {
    return <div role="status">{`Timed out${when}: nobody answered, so ${choice} was selected.`}</div>;
  }
  if (item.state === 'cancelled') {
    return <div role="status">{`Cancelled${when}: the turn ended before anyone decided.`}</div>;
  }
  return null;
}
