import { useEffect, useState } from 'react';
import { filterCommands } from '../../stores/room/index.js';
import type { ComposerTrigger } from '../../stores/room/index.js';
import type { Suggestion } from './SuggestionList.js';

const MAX_FILES = 20;

/** Suggestions for the composer's trigger: matching slash commands, or workspace files from the hub. */
export function useComposerSuggestions(trigger: ComposerTrigger, commands: Suggestion[], searchFiles: (query: string) => Promise<string[]>): Suggestion[] {
  const [files, setFiles] = useState<{ query: string; list: Suggestion[] }>({ query: '', list: [] });
  const mentionQuery = trigger?.kind === 'mention' ? trigger.query : null;

  useEffect(() => {
    if (mentionQuery === null) return;
    let current = true;
    searchFiles(mentionQuery)
      .then((paths) => {
        if (current) setFiles({ query: mentionQuery, list: paths.slice(0, MAX_FILES).map((path) => ({ value: path, label: path })) });
      })
      .catch((error: unknown) => {
        console.warn('[room] files.list failed:', error);
        if (current) setFiles({ query: mentionQuery, list: [] });
      });
    return () => {
      current = false;
    };
  }, [mentionQuery, searchFiles]);

  if (!trigger) return [];
  if (trigger.kind === 'command') return filterCommands(commands.map((command) => ({ ...command, name: command.value })), trigger.query);
  return files.query === trigger.query ? files.list : [];
}
