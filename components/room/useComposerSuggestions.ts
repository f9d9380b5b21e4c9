import { useEffect, useState } from 'react';
import { filterCommands } from '../../stores/room/index.js';
import type { ComposerTrigger } from '../../stores/room/index.js';
import type { Suggestion } from './SuggestionList.js';

const MAX_FILES = 20;
/** Typing pauses this long before the hub is asked: one search per pause, not one per keystroke. */
export const FILE_SEARCH_DEBOUNCE_MS = 100;

/** Whether the list for `shown` may stand in for `wanted` while its answer is on the way (one extends the other). */
const isRelated = (shown: string, wanted: string) => wanted.startsWith(shown) || shown.startsWith(wanted);

/**
 * Suggestions for the composer's trigger: matching slash commands, or workspace files from the hub,
 * asked for after a short pause; an answer to a query that is no longer the current one is dropped.
 */
export function useComposerSuggestions(trigger: ComposerTrigger, commands: Suggestion[], searchFiles: (query: string) => Promise<string[]>): Suggestion[] {
  const [files, setFiles] = useState<{ query: string; list: Suggestion[] }>({ query: '', list: [] });
  const mentionQuery = trigger?.kind === 'mention' ? trigger.query : null;

  useEffect(() => {
    if (mentionQuery === null) return;
    let current = true;
    const timer = setTimeout(() => {
      searchFiles(mentionQuery)
        .then((paths) => {
          if (current) setFiles({ query: mentionQuery, list: paths.slice(0, MAX_FILES).map((path) => ({ value: path, label: path })) });
        })
        .catch((error: unknown) => {
          console.warn('[room] files.list failed:', error);
          if (current) setFiles({ query: mentionQuery, list: [] });
        });
    }, FILE_SEARCH_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [mentionQuery, searchFiles]);

  if (!trigger) return [];
  if (trigger.kind === 'command') return filterCommands(commands.map((command) => ({ ...command, name: command.value })), trigger.query);
  // While the answer for the new query is on the way, the list of the query it grew from stays (no flicker per keystroke).
  return isRelated(files.query, trigger.query) ? files.list : [];
}
