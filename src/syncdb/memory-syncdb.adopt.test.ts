import { describe, expect, it } from 'vitest';
import { MemorySyncDB } from './memory-syncdb.js';

const KEY = { event: 'chat', sender_id: 'ann', date: '2026-01-01T00:00:00.000Z' };
const wire = () => JSON.parse(JSON.stringify({ ...KEY, history: [{ author_id: 'ann', content: 'hi', date: KEY.date }], feedback: { bo: 'like' } })) as Record<string, unknown>;

describe('MemorySyncDB.adopt: a row fresh from the wire', () => {
  it('is stored as it is, frozen all the way down, and shared by a second document', () => {
    const db = new MemorySyncDB();
    const row = wire();
    db.adopt(row);
    expect(db.get_one(KEY)).toBe(row);
    expect(Object.isFrozen(row) && Object.isFrozen(row.history) && Object.isFrozen((row.history as object[])[0]) && Object.isFrozen(row.feedback)).toBe(true);
    const view = new MemorySyncDB();
    view.set(row);
    expect(view.get_one(KEY)).toBe(row);
  });

  it('is copied as set would when it has nulls to drop, at the top or in an object field', () => {
    const db = new MemorySyncDB();
    const row = { ...wire(), name: null, feedback: { bo: 'like', cy: null } };
    db.adopt(row);
    const stored = db.get_one(KEY)!;
    expect(stored).not.toBe(row);
    expect(stored).toEqual({ ...wire() });
    expect(Object.isFrozen(row)).toBe(false);
  });

  it('merges into a stored row as set does, and emits the change', () => {
    const db = new MemorySyncDB([wire()]);
    const changes: number[] = [];
    db.on('change', (keys) => changes.push(keys.size));
    db.adopt({ ...KEY, name: 'renamed' });
    db.commit();
    expect(db.get_one(KEY)).toMatchObject({ name: 'renamed', feedback: { bo: 'like' } });
    expect(changes).toEqual([1]);
  });
});
