import { createEventLog } from '../../fixtures/build.js';
import { countCompactions, selectContextMeter } from './context-meter.js';
import { createTurnView } from './create-turn-view.js';
import { reduceTurnEvents } from './reduce-turn-events.js';

describe('selectContextMeter', () => {
  it('is null when nothing is known', () => {
    expect(selectContextMeter(null)).toBeNull();
    expect(selectContextMeter({ used: 5, size: 0 })).toBeNull();
    expect(selectContextMeter({ used: Number.NaN, size: 10 })).toBeNull();
  });

  it('shows used, size, % left and cost', () => {
    expect(selectContextMeter({ used: 12400, size: 258400, cost: { amount: 0.12, currency: 'USD' } })).toEqual({
      used: 12400,
      size: 258400,
      percentLeft: 95.2,
      level: 'ok',
      cost: { amount: 0.12, currency: 'USD' },
      delta: 12400,
      compactions: 0,
    });
  });

  it('tells what the latest turn added (or freed) against the turn before, and its compactions', () => {
    expect(selectContextMeter({ used: 52_400, size: 258_400 }, { previousUsed: 40_000 })?.delta).toBe(12_400);
    expect(selectContextMeter({ used: 20_000, size: 258_400 }, { previousUsed: 180_000, compactions: 1 })).toMatchObject({ delta: -160_000, compactions: 1 });
    expect(selectContextMeter({ used: 9_000, size: 258_400 }, { previousUsed: null })?.delta).toBe(9_000);
  });

  it('warns at 30 % left or less and is critical at 15 % or less', () => {
    expect(selectContextMeter({ used: 69, size: 100 })?.level).toBe('ok');
    expect(selectContextMeter({ used: 70, size: 100 })?.level).toBe('warning');
    expect(selectContextMeter({ used: 84, size: 100 })?.level).toBe('warning');
    expect(selectContextMeter({ used: 85, size: 100 })?.level).toBe('critical');
    expect(selectContextMeter({ used: 130, size: 100 })).toMatchObject({ percentLeft: 0, level: 'critical' });
  });
});

describe('countCompactions', () => {
  it('counts the compactions an agent reported as finished, once each', () => {
    const log = createEventLog();
    log.status('running');
    // claude-agent-acp without ACP compaction updates: a synthetic "Compact conversation" tool call.
    log.toolCall('compact-1', { title: 'Compact conversation', kind: 'think' });
    log.toolCallUpdate('compact-1', { status: 'completed', rawOutput: { preTokens: 180_000 } });
    log.toolCallUpdate('compact-1', { status: 'completed' });
    log.toolCall('compact-2', { title: 'Compact conversation', kind: 'think' }); // still running
    // ACP's own compaction_update, which the reducer keeps as an unknown item.
    log.update({ sessionUpdate: 'compaction_update', compactionId: 'c-9', status: 'in_progress' });
    log.update({ sessionUpdate: 'compaction_update', compactionId: 'c-9', status: 'completed' });
    log.toolCall('read-1', { title: 'Read file', kind: 'read', status: 'completed' });
    const view = reduceTurnEvents(createTurnView(), log.events);
    expect(countCompactions(view)).toBe(2);
    expect(countCompactions(null)).toBe(0);
  });
});
