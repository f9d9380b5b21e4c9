import { CODEX_COMMAND_OPTIONS, createEventLog } from '../../../fixtures/build.js';
import { createTurnView } from '../create-turn-view.js';
import { reduceTurnEvents } from '../reduce-turn-events.js';
import { selectPendingPermissions } from '../selectors.js';

const decision = (optionId: string) => ({ state: 'selected', optionId, decidedBy: 'acct-1', decidedAt: '2026-01-01T12:00:01.000Z' });

describe('permission events', () => {
  it('a pending request marks its tool call awaiting approval; allowing resumes it', () => {
    const log = createEventLog();
    log.toolCall('call_1', { kind: 'execute', title: 'rm -rf build' });
    log.permission('r1', { toolCallId: 'call_1', title: 'rm -rf build' }, CODEX_COMMAND_OPTIONS);
    const pending = reduceTurnEvents(createTurnView(), log.events);
    expect(pending.items.call_1).toMatchObject({ status: 'awaiting-approval' });
    expect(selectPendingPermissions(pending).map((item) => item.requestId)).toEqual(['r1']);
    log.permission('r1', { toolCallId: 'call_1' }, CODEX_COMMAND_OPTIONS, decision('allow_once'));
    const allowed = reduceTurnEvents(pending, log.events.slice(-1));
    expect(allowed.items['permission:r1']).toMatchObject({
      state: 'selected',
      optionId: 'allow_once',
      decidedBy: 'acct-1',
      decidedAt: '2026-01-01T12:00:01.000Z',
      options: CODEX_COMMAND_OPTIONS,
    });
    expect(allowed.items.call_1).toMatchObject({ status: 'in-progress' });
    expect(allowed.order).toEqual(['call_1', 'permission:r1']);
  });

  it('a reject decision marks the tool call rejected, and the agent cannot undo that', () => {
    const log = createEventLog();
    log.toolCall('call_1', { kind: 'execute' });
    log.permission('r1', { toolCallId: 'call_1' }, CODEX_COMMAND_OPTIONS);
    log.permission('r1', { toolCallId: 'call_1' }, CODEX_COMMAND_OPTIONS, decision('cancel'));
    log.toolCallUpdate('call_1', { status: 'failed' });
    const view = reduceTurnEvents(createTurnView(), log.events);
    expect(view.items.call_1).toMatchObject({ status: 'rejected' });
  });

  it('a timed-out request rejects; a cancelled one cancels the waiting call', () => {
    const log = createEventLog();
    log.permission('r1', { toolCallId: 'a', kind: 'edit' }, CODEX_COMMAND_OPTIONS);
    log.permission('r2', { toolCallId: 'b', kind: 'execute' }, CODEX_COMMAND_OPTIONS);
    log.permission('r1', { toolCallId: 'a' }, CODEX_COMMAND_OPTIONS, { state: 'timed-out' });
    log.permission('r2', { toolCallId: 'b' }, CODEX_COMMAND_OPTIONS, { state: 'cancelled' });
    const view = reduceTurnEvents(createTurnView(), log.events);
    expect(view.items.a).toMatchObject({ status: 'rejected' });
    expect(view.items.b).toMatchObject({ kind: 'terminal', status: 'cancelled' });
    expect(view.items['permission:r1']).toMatchObject({ state: 'timed-out' });
  });

  it('keeps a malformed permission event as an unknown item', () => {
    const log = createEventLog();
    log.raw({ type: 'permission', toolCall: {}, options: [], state: 'pending' });
    log.raw({ type: 'permission', requestId: 'r', toolCall: {}, options: 'no', state: 'maybe' });
    const view = reduceTurnEvents(createTurnView(), log.events);
    expect(view.order.map((id) => view.items[id].kind)).toEqual(['unknown', 'unknown']);
    expect(view.unhandled.map((entry) => entry.reason)).toEqual([
      'permission event without a requestId',
      'permission event with unknown state "maybe"',
    ]);
  });
});
