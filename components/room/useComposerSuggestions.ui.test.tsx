import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ComposerTrigger, FileMatches } from '../../stores/room/index.js';
import { FILE_SEARCH_DEBOUNCE_MS, TRUNCATED_INDEX_NOTE, useComposerSuggestions } from './useComposerSuggestions.js';

const mention = (query: string): ComposerTrigger => ({ kind: 'mention', query, start: 0, end: query.length + 1 });

/** A files.list stand-in whose answers the test releases one by one, in any order. */
function controlledSearch() {
  const calls: Array<{ query: string; answer(paths: string[], truncated?: boolean): void }> = [];
  const searchFiles = (query: string) =>
    new Promise<FileMatches>((resolve) => calls.push({ query, answer: (files, truncated = false) => resolve({ files, truncated }) }));
  return { calls, searchFiles };
}

describe('useComposerSuggestions (@ files)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks the hub once after typing pauses, not once per keystroke', async () => {
    const { calls, searchFiles } = controlledSearch();
    const { result, rerender } = renderHook(({ trigger }) => useComposerSuggestions(trigger, [], searchFiles), { initialProps: { trigger: mention('c') } });
    rerender({ trigger: mention('ch') });
    rerender({ trigger: mention('cht') });
    await act(async () => vi.advanceTimersByTime(FILE_SEARCH_DEBOUNCE_MS - 1));
    expect(calls).toEqual([]);
    await act(async () => vi.advanceTimersByTime(1));
    expect(calls.map((call) => call.query)).toEqual(['cht']);
    await act(async () => calls[0].answer(['components/room/ChatRoom.tsx']));
    expect(result.current.suggestions.map((suggestion) => suggestion.value)).toEqual(['components/room/ChatRoom.tsx']);
  });

  it('drops an answer that comes back after the query changed', async () => {
    const { calls, searchFiles } = controlledSearch();
    const { result, rerender } = renderHook(({ trigger }) => useComposerSuggestions(trigger, [], searchFiles), { initialProps: { trigger: mention('room') } });
    await act(async () => vi.advanceTimersByTime(FILE_SEARCH_DEBOUNCE_MS));
    rerender({ trigger: mention('read') });
    await act(async () => vi.advanceTimersByTime(FILE_SEARCH_DEBOUNCE_MS));
    expect(calls.map((call) => call.query)).toEqual(['room', 'read']);
    await act(async () => calls[1].answer(['README.md']));
    await act(async () => calls[0].answer(['src/room.ts'])); // the slower, older answer
    expect(result.current.suggestions.map((suggestion) => suggestion.value)).toEqual(['README.md']);
  });

  it('keeps the list of the query it grew from while the new answer is on the way', async () => {
    const { calls, searchFiles } = controlledSearch();
    const { result, rerender } = renderHook(({ trigger }) => useComposerSuggestions(trigger, [], searchFiles), { initialProps: { trigger: mention('ch') } });
    await act(async () => vi.advanceTimersByTime(FILE_SEARCH_DEBOUNCE_MS));
    await act(async () => calls[0].answer(['ChatRoom.tsx', 'chat.ts']));
    rerender({ trigger: mention('cha') });
    expect(result.current.suggestions.map((suggestion) => suggestion.value)).toEqual(['ChatRoom.tsx', 'chat.ts']);
    rerender({ trigger: mention('xyz') });
    expect(result.current).toEqual({ suggestions: [] });
  });

  it('carries the note that the index is truncated only with an answer that said so', async () => {
    const { calls, searchFiles } = controlledSearch();
    const { result, rerender } = renderHook(({ trigger }) => useComposerSuggestions(trigger, [], searchFiles), { initialProps: { trigger: mention('a') } });
    await act(async () => vi.advanceTimersByTime(FILE_SEARCH_DEBOUNCE_MS));
    await act(async () => calls[0].answer(['a.ts'], true));
    expect(result.current).toEqual({ suggestions: [{ value: 'a.ts', label: 'a.ts' }], note: TRUNCATED_INDEX_NOTE });
    rerender({ trigger: mention('ab') });
    await act(async () => vi.advanceTimersByTime(FILE_SEARCH_DEBOUNCE_MS));
    await act(async () => calls[1].answer(['ab.ts'], false));
    expect(result.current).toEqual({ suggestions: [{ value: 'ab.ts', label: 'ab.ts' }] });
  });
});
