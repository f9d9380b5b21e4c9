import { dateToKey, dateToMs, isFullKey, keyString, keyToIso, rowKey, rowKeyProblem, threadKeyOf } from './keys.js';

describe('syncdb keys', () => {
  it('converts dates to ms-string keys and back to ISO', () => {
    expect(dateToKey('2024-05-01T10:00:00.000Z')).toBe('1714557600000');
    expect(dateToKey(new Date(1714557600000))).toBe('1714557600000');
    expect(keyToIso('1714557600000')).toBe('2024-05-01T10:00:00.000Z');
    expect(keyToIso(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(dateToMs('not a date')).toBeNaN();
    expect(dateToMs(Number.POSITIVE_INFINITY)).toBeNaN();
  });

  it('names a thread by its root date, for the root and for its replies', () => {
    expect(threadKeyOf({ date: '2024-05-01T10:00:00.000Z' })).toBe('1714557600000');
    expect(threadKeyOf({ date: '2024-05-01T11:00:00.000Z', reply_to: '2024-05-01T10:00:00Z' })).toBe('1714557600000');
  });

  it('gives the same key string for the same instant written two ways, and distinct ones otherwise', () => {
    const a = keyString({ date: '2024-05-01T10:00:00Z', sender_id: 'a', event: 'chat' });
    expect(keyString({ date: '2024-05-01T10:00:00.000Z', sender_id: 'a', event: 'chat' })).toBe(a);
    expect(keyString({ date: '2024-05-01T10:00:00Z', sender_id: 'a', event: 'draft' })).not.toBe(a);
    expect(keyString({ date: 'x', sender_id: 'a|b', event: 'c' })).not.toBe(keyString({ date: 'x', sender_id: 'a', event: 'b|c' }));
    // No two keys share a string, whatever their fields hold.
    const keys = [
      { date: 'x|1|a', sender_id: 'b', event: 'c' },
      { date: 'x', sender_id: '1|a', event: 'bc' },
      { date: '2024-05-01T10:00:00.000Z', sender_id: '1', event: '|c' },
      { date: '2024-05-01T10:00:00.000Z', sender_id: '1|', event: 'c' },
      { date: 1714557600000, sender_id: 'a', event: 'chat' },
      { date: '1714557600000', sender_id: 'a', event: 'chat' },
      { date: 'x', sender_id: 7, event: 'chat' },
      { date: 'x', sender_id: '7', event: 'chat' },
    ];
    expect(new Set(keys.map((key) => keyString(key))).size).toBe(keys.length);
    // An epoch number and its ISO string name one row.
    expect(keyString(keys[4])).toBe(keyString({ date: '2024-05-01T10:00:00.000Z', sender_id: 'a', event: 'chat' }));
  });

  it('extracts and validates primary keys', () => {
    expect(rowKey({ date: 0, sender_id: 'a', event: 'draft', input: 'x' } as never)).toEqual({ date: 0, sender_id: 'a', event: 'draft' });
    expect(rowKeyProblem({ date: 0, sender_id: 'a', event: 'draft' })).toBeUndefined();
    expect(rowKeyProblem({ date: '2024', sender_id: 'a', event: '' })).toMatch(/^event/);
    expect(isFullKey({ date: 0, sender_id: 'a', event: 'draft' })).toBe(true);
    expect(isFullKey({ date: 0, sender_id: 'a' })).toBe(false);
    expect(isFullKey({ date: 0, sender_id: 'a', event: 'chat', name: 'x' })).toBe(false);
  });
});
