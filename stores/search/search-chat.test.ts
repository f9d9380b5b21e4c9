import { describe, expect, it } from 'vitest';
import type { ChatMessage, ChatThread } from '../chat/index.js';
import { chatRow } from '../chat/testing/build-chat-rows.js';
import { searchChat, snippetAround } from './search-chat.js';

const thread = (key: string, label: string) => ({ key, label }) as ChatThread;
const message = (ms: number, text: string) => ({ ...chatRow(ms, 'alice', text), key: String(ms), threadKey: 'x' }) as unknown as ChatMessage;

describe('searchChat', () => {
  const threads = [thread('1', 'Fix the Build'), thread('2', 'Lunch plans'), thread('3', 'Other')];
  const messages: Record<string, ChatMessage[]> = {
    '1': [message(1, 'the build fails')],
    '2': [message(2, 'pizza?'), message(3, `${'a'.repeat(60)} the BUILD server is down ${'b'.repeat(60)}`)],
    '3': [message(4, 'nothing here')],
  };
  const search = (query: string, maxThreads?: number) => searchChat({ threads, messagesOf: (key) => messages[key] ?? [], query, maxThreads });

  it('finds threads by name and by message text, case-insensitively, with a snippet of the first match', () => {
    const { hits, truncated } = search('build');
    expect(truncated).toBe(false);
    expect(hits.map((hit) => [hit.threadKey, hit.labelMatches, hit.messageKey])).toEqual([['1', true, '1'], ['2', false, '3']]);
    expect(hits[1].snippet).toBe(`…${'a'.repeat(35)} the BUILD server is down ${'b'.repeat(24)}…`);
  });

  it('lists a thread matched by name only without a message', () => {
    expect(search('lunch').hits).toEqual([{ threadKey: '2', label: 'Lunch plans', labelMatches: true, messageKey: null, snippet: null }]);
  });

  it('is bounded and says so; an empty query finds nothing', () => {
    expect(search('e', 1)).toMatchObject({ truncated: true, hits: [{ threadKey: '1' }] });
    expect(search('  ').hits).toEqual([]);
  });

  it('cuts snippets to one line', () => {
    expect(snippetAround('one\ntwo', 4, 3)).toBe('one two');
  });
});
