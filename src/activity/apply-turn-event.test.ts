import { createEventLog } from '../../fixtures/build.js';
import { createTurnView } from './create-turn-view.js';
import { reduceTurnEvents } from './reduce-turn-events.js';
import { selectItems } from './selectors.js';

describe('applyTurnEvent', () => {
  it('ignores events with seq <= lastSeq and returns the same object', () => {
    const log = createEventLog();
    log.status('running');
    log.agentMessage('a');
    const view = reduceTurnEvents(createTurnView(), log.events);
    expect(view.lastSeq).toBe(1);
    expect(reduceTurnEvents(view, [log.events[1], log.events[0]])).toBe(view);
  });

  it('records the turn state, start and end from status events', () => {
    const log = createEventLog(1000);
    log.status('starting');
    log.status('running');
    log.status('completed');
    const view = reduceTurnEvents(createTurnView(), log.events);
    expect(view).toMatchObject({ state: 'completed', startedAt: 1000, endedAt: 1020 });
  });

  it('starts the turn when it leaves the queue, not when it was queued', () => {
    const log = createEventLog(1000);
    log.status('queued');
    log.raw({ type: 'status', state: 'starting', t: 11_000 });
    log.raw({ type: 'status', state: 'running', t: 11_100 });
    log.raw({ type: 'status', state: 'completed', t: 12_000 });
    expect(reduceTurnEvents(createTurnView(), log.events.slice(0, 1))).toMatchObject({ state: 'queued', startedAt: null });
    expect(reduceTurnEvents(createTurnView(), log.events)).toMatchObject({ state: 'completed', startedAt: 11_000, endedAt: 12_000 });
  });

  it('closes tool calls left open as failed and pending permissions as cancelled when a turn ends normally', () => {
    const log = createEventLog();
    log.toolCall('call_1', { kind: 'execute' });
    log.toolCall('call_2', { kind: 'read', status: 'completed' });
    log.permission('r1', { toolCallId: 'call_3', title: 'rm' }, []);
    log.result('end_turn');
    log.status('completed');
    const view = reduceTurnEvents(createTurnView(), log.events);
    expect(view.items.call_1).toMatchObject({ status: 'failed' });
    expect(view.items.call_2).toMatchObject({ status: 'completed' });
    expect(view.items.call_3).toMatchObject({ status: 'failed' });
    expect(view.items['permission:r1']).toMatchObject({ state: 'cancelled' });
  });

  it('closes open tool calls as cancelled when the turn was cancelled', () => {
    const log = createEventLog();
    log.toolCall('call_1', { kind: 'execute' });
    log.status('cancelled');
    expect(reduceTurnEvents(createTurnView(), log.events).items.call_1).toMatchObject({ status: 'cancelled' });
  });

  it('records an error and fails what is open', () => {
    const log = createEventLog();
    log.toolCall('call_1', { kind: 'fetch' });
    log.error('agent exited with code 1', 'agent-died');
    log.status('failed');
    const view = reduceTurnEvents(createTurnView(), log.events);
    expect(view.error).toEqual({ message: 'agent exited with code 1', code: 'agent-died' });
    expect(view.items.call_1).toMatchObject({ kind: 'fetch', status: 'failed' });
    expect(view.state).toBe('failed');
  });

  it('adds hub notices and agent notices as notice items', () => {
    const log = createEventLog();
    log.notice('warning', 'this agent does not accept images');
    log.update({ sessionUpdate: 'notice', severity: 'error', title: 'Quota' });
    const view = reduceTurnEvents(createTurnView(), log.events);
    expect(selectItems(view).map((item) => item.kind === 'notice' && [item.level, item.message])).toEqual([
      ['warning', 'this agent does not accept images'],
      ['error', 'Quota'],
    ]);
  });

  it('keeps only the latest usage and replaces the plan whole in its first place', () => {
    const log = createEventLog();
    log.usage(10, 100);
    log.plan([{ content: 'one' }, { content: 'two' }]);
    log.agentMessage('working');
    log.plan([{ content: 'one', status: 'completed' }]);
    log.usage(50, 100);
    const view = reduceTurnEvents(createTurnView(), log.events);
    expect(view.usage).toEqual({ used: 50, size: 100 });
    expect(view.order).toEqual(['plan', 'agent-message:message-1']);
    expect(view.items.plan).toMatchObject({ entries: [{ content: 'one', status: 'completed', priority: 'medium' }] });
  });

  it('updates view fields, not cards, for commands, config options and mode', () => {
    const log = createEventLog();
    log.update({ sessionUpdate: 'available_commands_update', availableCommands: [{ name: 'plan', description: 'Plan' }, { bad: 1 }] });
    log.update({ sessionUpdate: 'config_option_update', configOptions: [{ id: 'model', currentValue: 'x' }] });
    log.update({ sessionUpdate: 'current_mode_update', currentModeId: 'read-only' });
    const view = reduceTurnEvents(createTurnView(), log.events);
    expect(view.order).toEqual([]);
    expect(view.availableCommands).toEqual([{ name: 'plan', description: 'Plan' }]);
    expect(view.configOptions).toEqual([{ id: 'model', currentValue: 'x' }]);
    expect(view.currentModeId).toBe('read-only');
  });
});
