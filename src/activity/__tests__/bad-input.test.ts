// Bad input is first-class: random malformed events never throw out of the reducer; what cannot be
// applied becomes an unknown item or an unhandled entry (bounded), and text stays verbatim data.
import fc from 'fast-check';
import { createEventLog } from '../../../fixtures/build.js';
import { applyTurnEvent } from '../apply-turn-event.js';
import { MAX_UNHANDLED_EVENTS } from '../cards/unknown.js';
import { createTurnView } from '../create-turn-view.js';
import { reduceTurnEvents } from '../reduce-turn-events.js';
import { selectItems } from '../selectors.js';

const UPDATE_KINDS = ['agent_message_chunk', 'agent_thought_chunk', 'user_message_chunk', 'tool_call', 'tool_call_update', 'plan',
  'usage_update', 'available_commands_update', 'config_option_update', 'current_mode_update', 'session_info_update', 'notice', 'made_up'];
const EVENT_TYPES = ['status', 'prompt', 'update', 'permission', 'result', 'error', 'session', 'notice', 'bogus'];

// Shapes close to real events, with fields of any type: the hardest input for a defensive reducer.
// JSON can carry objects whose toString is not a function: String() on them throws.
const trap = fc.constantFrom(JSON.parse('{"toString": 1, "valueOf": 2}'), Object.create(null));
const field = fc.oneof(fc.anything({ withNullPrototype: true }), fc.string(), fc.constant(null), trap, fc.array(fc.anything(), { maxLength: 3 }));
const looseUpdate = fc.record(
  {
    sessionUpdate: fc.oneof(fc.constantFrom(...UPDATE_KINDS), field),
    toolCallId: fc.oneof(fc.constantFrom('call_1', 'call_2'), field),
    messageId: fc.oneof(fc.constantFrom('m1', 'm2'), field),
    content: fc.oneof(fc.record({ type: fc.constantFrom('text', 'image', 'diff', 'terminal', 'content'), text: field }), field),
    kind: fc.oneof(fc.constantFrom('execute', 'edit', 'read', 'fetch', 'think', 'other'), field),
    status: field,
    _meta: fc.oneof(fc.record({ terminal_output: fc.record({ data: field }), terminal_exit: field }), field),
    entries: field,
    used: field,
    size: field,
    title: field,
  },
  { requiredKeys: [] },
);
const looseEvent = fc.record(
  {
    seq: fc.oneof(fc.nat({ max: 12_000 }), field),
    t: fc.oneof(fc.nat(), field),
    type: fc.oneof(fc.constantFrom(...EVENT_TYPES), field),
    state: field,
    update: fc.oneof(looseUpdate, field),
    requestId: fc.oneof(fc.constantFrom('r1', 'r2'), field),
    toolCall: fc.oneof(looseUpdate, field),
    options: field,
    stopReason: field,
    usage: field,
    message: field,
  },
  { requiredKeys: [] },
);

describe('bad input', () => {
  it('applies 10,000 random malformed events without throwing, keeping what it cannot apply visible', () => {
    const events = fc.sample(fc.oneof(looseEvent, fc.anything()), { numRuns: 10_000, seed: 42 });
    let view = createTurnView();
    for (let index = 0; index < events.length; index += 100) {
      view = reduceTurnEvents(view, events.slice(index, index + 100));
    }
    expect(view.unhandled.length).toBeLessThanOrEqual(MAX_UNHANDLED_EVENTS);
    expect(view.unhandled.length).toBeGreaterThan(0);
    expect(selectItems(view).some((item) => item.kind === 'unknown')).toBe(true);
    expect(() => JSON.stringify(view)).not.toThrow();
  });

  it('never throws on any single value, with any prior view (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(looseEvent, fc.anything()), { maxLength: 40 }), (events) => {
        let view = createTurnView();
        for (const event of events) view = reduceTurnEvents(view, [event]);
        expect(view.order.every((id) => view.items[id] !== undefined)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('turns an unknown event type and an unknown update kind into unknown items with their payload', () => {
    const log = createEventLog();
    log.raw({ type: 'telepathy', mood: 'curious' });
    log.update({ sessionUpdate: 'compaction_update', compactionId: 'c1', status: 'started' });
    const view = reduceTurnEvents(createTurnView(), log.events);
    expect(selectItems(view).map((item) => item.kind === 'unknown' && [item.label, item.raw])).toEqual([
      ['event telepathy', log.events[0]],
      ['compaction_update', { sessionUpdate: 'compaction_update', compactionId: 'c1', status: 'started' }],
    ]);
    expect(view.unhandled).toEqual([
      { seq: 0, reason: 'unknown event type "telepathy"' },
      { seq: 1, reason: 'unsupported update kind "compaction_update"' },
    ]);
  });

  it('keeps only the newest MAX_UNHANDLED_EVENTS unhandled entries', () => {
    const log = createEventLog();
    for (let index = 0; index < 40; index += 1) log.raw({ type: 'bogus' });
    const view = reduceTurnEvents(createTurnView(), log.events);
    expect(view.unhandled.map((entry) => entry.seq)).toEqual(Array.from({ length: MAX_UNHANDLED_EVENTS }, (_, index) => 15 + index));
    expect(view.order).toHaveLength(40);
  });

  it('ignores an event without a usable seq but records it', () => {
    const view = reduceTurnEvents(createTurnView(), [{ type: 'status', state: 'running' }, null, { seq: -3, type: 'status' }, { seq: 1.5 }]);
    expect(view.state).toBeNull();
    expect(view.lastSeq).toBe(-1);
    expect(view.unhandled).toHaveLength(4);
  });

  it('keeps hostile text verbatim as data', () => {
    const hostile = '<img src=x onerror="alert(1)"><script>globalThis.pwned = true</script>[x](javascript:alert(1)) ${process.exit(1)}';
    const log = createEventLog();
    log.agentMessage(hostile);
    log.toolCall('call_1', { kind: 'execute', title: hostile });
    log.terminalOutput('call_1', hostile);
    const view = reduceTurnEvents(createTurnView(), log.events);
    expect(view.items['agent-message:message-1']).toMatchObject({ text: hostile });
    expect(view.items.call_1).toMatchObject({ title: hostile, output: { head: hostile } });
    expect((globalThis as { pwned?: boolean }).pwned).toBeUndefined();
  });

  it('is an Immer recipe: applyTurnEvent on a plain draft mutates it in place', () => {
    const view = createTurnView();
    applyTurnEvent(view, { seq: 0, t: 5, type: 'status', state: 'running' });
    expect(view).toMatchObject({ lastSeq: 0, state: 'running', startedAt: 5 });
  });
});
