import { readAcpRecording } from '../../../fixtures/data/read-fixtures.js';
import { canInterrupt } from '../predicates.js';
import { selectItems, selectPendingPermissions } from '../selectors.js';
import { replayFixture, replayUntil } from './replay-helpers.js';

// The recording's request carries three options (allow_once, allow_always, reject_once), not the
// five the issue text mentions: we assert what codex-acp 2.6.0 actually sent.
const recordedOptions = (readAcpRecording('escalate').find((line) => line.dir === 'permission')!.request as { options: unknown[] }).options;

describe('replay escalate.jsonl', () => {
  it('shows a pending permission with all its options and blocks the tool call', () => {
    const view = replayUntil('escalate', (event) => event.type === 'permission');
    const [permission] = selectPendingPermissions(view);
    expect(recordedOptions).toHaveLength(3);
    expect(permission.options).toEqual(recordedOptions);
    expect(permission).toMatchObject({ toolCallId: 'call_2', title: 'touch ../outside-workspace-file', command: 'touch ../outside-workspace-file' });
    expect(view.items.call_2).toMatchObject({ kind: 'terminal', status: 'awaiting-approval' });
    expect(view.state).toBe('awaiting-permission');
    expect(canInterrupt(view)).toBe(true);
  });

  it('records the allow_once decision and the command completing', () => {
    const view = replayFixture('escalate');
    expect(selectPendingPermissions(view)).toEqual([]);
    const permission = selectItems(view).find((item) => item.kind === 'permission');
    expect(permission).toMatchObject({ state: 'selected', optionId: 'allow_once', decidedBy: 'recorder' });
    expect(permission?.kind === 'permission' && Date.parse(permission.decidedAt!)).toBeGreaterThan(0);
    expect(view.items.call_2).toMatchObject({ kind: 'terminal', status: 'completed', exitCode: 0 });
    expect(selectItems(view).map((item) => item.kind)).toEqual(['terminal', 'permission', 'message']);
    expect(view.configOptions.find((option) => option.id === 'mode')).toMatchObject({ currentValue: 'read-only' });
  });
});
