import { describe, expect, it } from 'vitest';
import { newestChatPath } from './newest-chat-path.js';

describe('newestChatPath', () => {
  it('picks the most recently changed file in any order, and null without files', () => {
    const file = (path: string, modifiedAt: string) => ({ path, modifiedAt }) as never;
    expect(newestChatPath([file('a.chat', '2026-01-02T00:00:00.000Z'), file('b.chat', '2026-03-01T00:00:00.000Z'), file('c.chat', '2026-02-01T00:00:00.000Z')])).toBe('b.chat');
    expect(newestChatPath([])).toBeNull();
    expect(newestChatPath(null)).toBeNull();
  });
});
