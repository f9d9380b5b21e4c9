import { useEffect, useState } from 'react';
import { filterCommands } from '../../stores/room/index.js';
import type { ComposerTrigger, FileMatches } from '../../stores/room/index.js';
import type { Suggestion } from './SuggestionList.js';

const MAX_FILES = 20;
/** Typing pauses this long before the hub is asked: one search per pause, not one per keystroke. */
export const FILE_SEARCH_DEBOUNCE_MS = 100;
/** Shown under the files when `files.list` says its index stopped at the hub's bound (MAX_INDEXED_FILES in src/hub/workspace-file-index.ts). */
export const TRUNCATED_INDEX_NOTE = 'Only the first 200,000 files are searched';

/** What the composer's popup shows: the suggestions, and a one-line note under them if any. */
export type ComposerSuggestions = { suggestions: Suggestion[]; note?: string };

type FileList = { query: string; list: Suggestion[]; truncated: boolean };

/** Whether the list for `shown` may stand in for `wanted` while its answer is on the way (one extends the other). */
const isRelated = (shown: string, wanted: string) => wanted.startsWith(shown) || shown.startsWith(wanted);

/**
 * Suggestions for the composer's trigger: matching slash commands, or workspace files from the hub,
 * asked for after a short pause; an answer to a query that is no longer the current one is dropped.
 */
export function useComposerSuggestions(trigger: ComposerTrigger, commands: Suggestion[], searchFiles: (query: string) => Promise<FileMatches>): ComposerSuggestions {
  const [files, setFiles] = useState<FileList>({ query: '', list: [], truncated: false });
  const mentionQuery = trigger?.kind === 'mention' ? trigger.query : null;

  useEffect(() => {
    if (mentionQuery === null) return;
    let current = true;
    const timer = setTimeout(() => {
      searchFiles(mentionQuery)
        .then(({ files: paths, truncated }) => {
          if (current) setFiles({ query: mentionQuery, list: paths.slice(0, MAX_FILES).map((path) => ({ value: path, label: path })), truncated });
        })
        .catch((error: unknown) => {
          console.warn('[room] files.list failed:', error);
          if (current) setFiles({ query: mentionQuery, list: [], truncated: false });
        });
    }, FILE_SEARCH_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [mentionQuery, searchFiles]);

  if (!trigger) return { suggestions: [] };
  if (trigger.kind === 'command') return { suggestions: filterCommands(commands.map((command) => ({ ...command, name: command.value })), trigger.query) };
  // While the answer for the new query is on the way, the list of the query it grew from stays (no flicker per keystroke).
  if (!isRelated(files.query, trigger.query)) return { suggestions: [] };
  return { suggestions: files.list, ...(files.truncated ? { note: TRUNCATED_INDEX_NOTE } : {}) };
}
