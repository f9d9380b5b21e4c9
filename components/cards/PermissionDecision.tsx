import type { PermissionItem } from '../../src/activity/index.js';
import { formatTime } from '../common/format.js';
import { useWhoName } from '../people/useWhoName.js';
import { WhoLine } from '../people/WhoLine.js';

/** What choosing an option of this ACP kind means, for the "who" line: "Ann approved", "Bo rejected". */
function verdictOf(kind: string | undefined): string {
  if (kind?.startsWith('allow')) return 'approved';
  if (kind?.startsWith('reject')) return 'rejected';
  return 'chose';
}

/** The outcome line of a decided permission request: who approved or rejected, with which option, when; or why nobody did. */
export function PermissionDecision({ item }: { item: PermissionItem }) {
  const whoName = useWhoName();
  const option = item.options.find((each) => each.optionId === item.optionId);
  const choice = option ? `“${option.name}”` : item.optionId ? `“${item.optionId}”` : 'an option';
  const when = item.decidedAt ? ` at ${formatTime(item.decidedAt)}` : '';
  if (item.state === 'selected') {
    const who = item.decidedBy === null ? 'Someone' : whoName(item.decidedBy);
    return (
      <WhoLine role="status" accountId={item.decidedBy} name={who}>
        {`${who} ${verdictOf(option?.kind)} ${choice}${when}.`}
      </WhoLine>
    );
  }
  if (item.state === 'timed-out') {
    return <div role="status">{`Timed out${when}: nobody answered, so ${choice} was selected.`}</div>;
  }
  if (item.state === 'cancelled') {
    return <div role="status">{`Cancelled${when}: the turn ended before anyone decided.`}</div>;
  }
  return null;
}
