import fc from 'fast-check';
import type { RowKey } from '../protocol/index.js';
import { keyString } from './keys.js';
import { MemorySyncDB } from './memory-syncdb.js';

const ROOT = { date: '2024-05-01T10:00:00.000Z', sender_id: 'alice', event: 'chat' };

function recordChanges(db: MemorySyncDB): RowKey[][] {
  const events: RowKey[][] = [];
  db.on('change', (changed) => events.push([...changed]));
  return events;
}

describe('MemorySyncDB', () => {
  it('inserts a row on set and finds it by primary key', () => {
    const db = new MemorySyncDB();
    db.set({ ...ROOT, history: [{ author_id: 'alice', content: 'hi', date: ROOT.date }] });
    expect(db.get_one(ROOT)).toMatchObject({ ...ROOT, history: [{ content: 'hi' }] });
    expect(db.get()).toHaveLength(1);
  });

  it('updates the row with the same primary key instead of inserting', () => {
    const db = new MemorySyncDB([{ ...ROOT, name: 'one', pin: false }]);
    db.set({ ...ROOT, name: 'two' });
    expect(db.get()).toEqual([{ ...ROOT, name: 'two', pin: false }]);
  });

  it('finds a row whose date is written differently but names the same instant', () => {
    const db = new MemorySyncDB([ROOT]);
    expect(db.get_one({ date: '2024-05-01T10:00:00Z', sender_id: 'alice', event: 'chat' })).toBe(db.get_one(ROOT));
  });

  it('deletes a field set to null and ignores null on insert', () => {
    const db = new MemorySyncDB([{ ...ROOT, name: 'x', pin: null }]);
    expect(db.get_one(ROOT)).toEqual({ ...ROOT, name: 'x' });
    db.set({ ...ROOT, name: null });
    expect(db.get_one(ROOT)).toEqual(ROOT);
  });

  it('merges object fields shallowly, null deleting a key, arrays replacing', () => {
    const db = new MemorySyncDB([{ ...ROOT, feedback: { bob: 'up', carol: 'down' }, folding: ['bob'] }]);
    db.set({ ...ROOT, feedback: { alice: 'up', carol: null }, folding: ['alice'] });
    expect(db.get_one(ROOT)).toEqual({ ...ROOT, feedback: { bob: 'up', alice: 'up' }, folding: ['alice'] });
  });

  it('replaces nested objects below the first level', () => {
    const db = new MemorySyncDB([{ ...ROOT, acp_config: { agent: 'codex', options: { a: 1, b: 2 } } }]);
    db.set({ ...ROOT, acp_config: { options: { c: 3 } } });
    expect(db.get_one(ROOT)).toEqual({ ...ROOT, acp_config: { agent: 'codex', options: { c: 3 } } });
  });

  it('coalesces the keys of one commit into one change event', () => {
    const db = new MemorySyncDB();
    const events = recordChanges(db);
    db.set({ ...ROOT, name: 'a' });
    db.set({ ...ROOT, name: 'b' });
    db.set({ date: '2024-05-01T10:00:01.000Z', sender_id: 'bob', event: 'chat' });
    expect(events).toEqual([]);
    db.commit();
    expect(events).toHaveLength(1);
    expect(events[0].map(keyString).sort()).toEqual(
      [keyString(ROOT), keyString({ date: '2024-05-01T10:00:01.000Z', sender_id: 'bob', event: 'chat' })].sort(),
    );
    db.commit();
    expect(events).toHaveLength(1);
  });

  it('reports a deleted row, which then reads as undefined', () => {
    const db = new MemorySyncDB([ROOT, { ...ROOT, sender_id: 'bob' }]);
    const events = recordChanges(db);
    db.delete(ROOT);
    db.commit();
    expect(events).toEqual([[ROOT]]);
    expect(db.get_one(ROOT)).toBeUndefined();
    expect(db.size).toBe(1);
  });

  it('emits nothing for a set that changes nothing', () => {
    const db = new MemorySyncDB([{ ...ROOT, name: 'x', feedback: { bob: 'up' } }]);
    const events = recordChanges(db);
    const before = db.get_one(ROOT);
    db.set({ ...ROOT, name: 'x', feedback: { bob: 'up' }, pin: null });
    db.commit();
    expect(events).toEqual([]);
    expect(db.get_one(ROOT)).toBe(before);
  });

  it('selects and deletes by non-key fields, and deletes everything with no where', () => {
    const db = new MemorySyncDB([
      ROOT,
      { date: '2024-05-01T10:00:01.000Z', sender_id: 'bob', event: 'chat', reply_to: ROOT.date },
      { date: 0, sender_id: 'alice', event: 'draft', input: 'draft' },
    ]);
    expect(db.get({ reply_to: '2024-05-01T10:00:00Z' })).toHaveLength(1);
    expect(db.get({ event: 'draft' })).toEqual([{ date: 0, sender_id: 'alice', event: 'draft', input: 'draft' }]);
    expect(db.get_one({ sender_id: 'bob' })?.sender_id).toBe('bob');
    db.delete({ event: 'draft' });
    expect(db.size).toBe(2);
    db.delete();
    expect(db.size).toBe(0);
  });

  it('refuses a row without a valid primary key or with a non-string input', () => {
    const db = new MemorySyncDB();
    expect(() => db.set({ sender_id: 'a', event: 'chat' })).toThrow(/date/);
    expect(() => db.set({ date: 'yesterday', sender_id: 'a', event: 'chat' })).toThrow(/date/);
    expect(() => db.set({ ...ROOT, sender_id: 7 })).toThrow(/sender_id/);
    expect(() => db.set({ date: 0, sender_id: 'a', event: 'draft', input: 5 })).toThrow(/input/);
    expect(db.size).toBe(0);
  });

  it('stores Date values as ISO strings and hands out frozen rows', () => {
    const db = new MemorySyncDB();
    db.set({ date: new Date(ROOT.date), sender_id: 'alice', event: 'chat', history: [{ content: 'x' }] });
    const row = db.get_one(ROOT)!;
    expect(row.date).toBe(ROOT.date);
    expect(Object.isFrozen(row) && Object.isFrozen(row.history)).toBe(true);
  });

  it('keeps delivering to other listeners when one throws, and off removes a listener', () => {
    const db = new MemorySyncDB();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const seen: number[] = [];
    const broken = () => {
      throw new Error('boom');
    };
    const good = (changed: Set<RowKey>) => seen.push(changed.size);
    db.on('change', broken);
    db.on('change', good);
    db.set(ROOT);
    db.commit();
    db.off('change', good);
    db.set({ ...ROOT, name: 'x' });
    db.commit();
    expect(seen).toEqual([1]);
    expect(error).toHaveBeenCalledTimes(2);
    error.mockRestore();
  });

  it('matches a plain Map model under random set/delete/commit sequences', () => {
    const senders = ['a', 'b'];
    const dates = ['2024-01-01T00:00:00.000Z', '2024-01-01T00:00:01.000Z', '2024-01-01T00:00:02.000Z'];
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), date: fc.constantFrom(...dates), sender: fc.constantFrom(...senders), name: fc.option(fc.string({ maxLength: 3 })), vote: fc.option(fc.constantFrom('up', 'down')) }),
      fc.record({ kind: fc.constant('delete' as const), date: fc.constantFrom(...dates), sender: fc.constantFrom(...senders) }),
      fc.record({ kind: fc.constant('commit' as const) }),
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 40 }), (operations) => {
        const db = new MemorySyncDB();
        const model = new Map<string, Record<string, unknown>>();
        const reported = new Set<string>();
        const touched = new Set<string>();
        db.on('change', (changed) => changed.forEach((key) => reported.add(keyString(key))));
        for (const op of operations) {
          if (op.kind === 'commit') {
            db.commit();
            continue;
          }
          const key = { date: op.date, sender_id: op.sender, event: 'chat' };
          const id = keyString(key);
          if (op.kind === 'delete') {
            if (model.delete(id)) touched.add(id);
            db.delete(key);
            continue;
          }
          const before = JSON.stringify(model.get(id));
          const row: Record<string, unknown> = { ...(model.get(id) ?? key) };
          if (op.name === null) delete row.name;
          else row.name = op.name;
          const feedback = { ...(row.feedback as Record<string, string> | undefined) };
          if (op.vote === null) delete feedback[op.sender];
          else feedback[op.sender] = op.vote;
          row.feedback = feedback;
          model.set(id, row);
          if (JSON.stringify(row) !== before) touched.add(id);
          db.set({ ...key, name: op.name, feedback: { [op.sender]: op.vote } });
        }
        db.commit();
        expect(new Map(db.get().map((row) => [keyString(row), row]))).toEqual(model);
        expect([...reported].sort()).toEqual([...touched].sort());
      }),
      { numRuns: 300 },
    );
  });
});
