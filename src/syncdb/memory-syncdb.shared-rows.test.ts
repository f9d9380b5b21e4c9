import type { RowKey } from '../protocol/index.js';
import { MemorySyncDB } from './memory-syncdb.js';

const ROOT = { date: '2024-05-01T10:00:00.000Z', sender_id: 'alice', event: 'chat' };
const ROW = { ...ROOT, history: [{ author_id: 'alice', content: 'hi', date: ROOT.date }], feedback: { bob: 'up', carol: null }, pin: null, when: new Date(0) };

function deepFrozen(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  return Object.isFrozen(value) && Object.values(value).every(deepFrozen);
}

// Stored rows are shared between documents (a RemoteSyncDB's view and base) instead of copied.
describe('MemorySyncDB sharing stored rows', () => {
  it('stores a row of another MemorySyncDB as is, equal to what a copy would be', () => {
    const source = new MemorySyncDB([ROW]);
    const stored = source.get_one(ROOT);
    const target = new MemorySyncDB();
    target.set(stored!);
    expect(target.get_one(ROOT)).toBe(stored);
    expect(target.get_one(ROOT)).toEqual(new MemorySyncDB([ROW]).get_one(ROOT));
    expect(stored).toEqual({ ...ROOT, history: ROW.history, feedback: { bob: 'up' }, when: '1970-01-01T00:00:00.000Z' });
    expect(deepFrozen(stored)).toBe(true);
  });

  it('copies a frozen row it did not make (frozen on top only, or with nulls to drop)', () => {
    const outside = Object.freeze({ ...ROOT, history: [{ author_id: 'alice', content: 'hi', date: ROOT.date }], pin: null });
    const db = new MemorySyncDB([outside]);
    expect(db.get_one(ROOT)).not.toBe(outside);
    expect(db.get_one(ROOT)).toEqual({ ...ROOT, history: outside.history });
    expect(deepFrozen(db.get_one(ROOT))).toBe(true);
  });

  it('merges a stored row into an existing one as any patch', () => {
    const db = new MemorySyncDB([{ ...ROOT, name: 'kept', feedback: { carol: 'down' } }]);
    db.set(new MemorySyncDB([ROW]).get_one(ROOT)!);
    expect(db.get_one(ROOT)).toEqual({ ...ROOT, name: 'kept', history: ROW.history, feedback: { carol: 'down', bob: 'up' }, when: '1970-01-01T00:00:00.000Z' });
  });

  it('fillFrom shares every row and reports them all in the next change', () => {
    const source = new MemorySyncDB([ROW, { ...ROOT, sender_id: 'bob' }]);
    const view = new MemorySyncDB();
    const changes: RowKey[][] = [];
    view.on('change', (keys) => changes.push([...keys]));
    view.fillFrom(source);
    view.commit();
    expect(view.get()).toEqual(source.get());
    expect(view.get()[0]).toBe(source.get()[0]);
    expect(changes).toEqual([[ROOT, { ...ROOT, sender_id: 'bob' }]]);
    // The two documents stay independent: a change to one is not a change to the other.
    view.set({ ...ROOT, name: 'view only' });
    expect(source.get_one(ROOT)?.name).toBeUndefined();
    expect(() => view.fillFrom(source)).toThrow(/not empty/);
  });
});
