import fc from 'fast-check';
import { MemorySyncDB, keyToIso } from '../../src/syncdb/index.js';
import { createChatStore } from './create-chat-store.js';
import type { ChatState } from './chat-types.js';

const T0 = Date.UTC(2024, 4, 1);
const DATES = [0, 1, 2, 3, 4, 5].map((offset) => keyToIso(T0 + offset * 1000));
const SENDERS = ['alice', 'bob', 'codex'];

const fields = fc.record(
  {
    history: fc.oneof(
      fc.string({ maxLength: 12 }).map((content) => [{ author_id: 'alice', content, date: DATES[0] }]),
      fc.constant(5),
      fc.constant(null),
    ),
    reply_to: fc.oneof(fc.constantFrom(...DATES), fc.constant(null), fc.constant('garbage')),
    name: fc.oneof(fc.string({ maxLength: 6 }), fc.constant(null)),
    pin: fc.oneof(fc.boolean(), fc.constant(null)),
    folding: fc.oneof(fc.subarray(SENDERS), fc.constant(null)),
    generating: fc.oneof(fc.boolean(), fc.constant(null)),
    acp_config: fc.oneof(fc.record({ agent: fc.constantFrom('codex', ''), model: fc.constantFrom('gpt-5', '') }), fc.constant(null)),
    acp_usage: fc.oneof(fc.record({ used: fc.nat(1000), size: fc.constant(1000) }), fc.constant(null)),
    'read-alice': fc.oneof(fc.nat(8), fc.constant('2'), fc.constant(null)),
    feedback: fc.dictionary(fc.constantFrom(...SENDERS), fc.oneof(fc.constantFrom('up', 'down'), fc.constant(null))),
  },
  { requiredKeys: [] },
);

const operation = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('chat' as const), date: fc.constantFrom(...DATES), sender: fc.constantFrom(...SENDERS), fields }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('draft' as const), date: fc.constantFrom(0, -T0, -(T0 + 1000)), sender: fc.constantFrom('alice', 'bob'), input: fc.oneof(fc.string({ maxLength: 5 }), fc.constant(null)) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), date: fc.constantFrom(...DATES, 0, -T0), sender: fc.constantFrom(...SENDERS), event: fc.constantFrom('chat', 'draft') }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'commit' as const }) },
);

// The data of a state, without the store's functions, for comparison with a rebuilt store.
function data(state: ChatState) {
  const { accountId, messages, threads, threadMessageKeys, drafts, problems } = state;
  return { accountId, messages, threads, threadMessageKeys, drafts, problems };
}

describe('chat store under random syncdb changes', () => {
  it('always equals a store rebuilt from scratch from syncdb.get()', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 60 }), (operations) => {
        const db = new MemorySyncDB();
        const store = createChatStore(db, { accountId: 'alice' });
        const check = () => {
          const rebuilt = createChatStore(db, { accountId: 'alice' });
          expect(data(store.getState())).toEqual(data(rebuilt.getState()));
          rebuilt.destroy();
        };
        for (const op of [...operations, { kind: 'commit' as const }]) {
          if (op.kind === 'commit') {
            db.commit();
            check();
          } else if (op.kind === 'delete') {
            db.delete({ date: op.event === 'chat' && typeof op.date === 'number' && op.date <= 0 ? DATES[0] : op.date, sender_id: op.sender, event: op.event });
          } else if (op.kind === 'draft') {
            db.set({ date: op.date, sender_id: op.sender, event: 'draft', input: op.input });
          } else {
            db.set({ date: op.date, sender_id: op.sender, event: 'chat', ...op.fields });
          }
        }
        store.destroy();
      }),
      { numRuns: 300 },
    );
  });
});
