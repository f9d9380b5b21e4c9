import { useEffect } from 'react';
import type { ChatMessage } from '../../stores/chat/index.js';
import { useCodexStores } from '../../stores/provider.js';

/**
 * Turns whose activity the search loads, newest first. The list only loads the turns on screen;
 * the search subscribes to at most this many more while it is open (each costs the hub a replay).
 * Older turns are searched by their row text (the answer) until they are loaded.
 */
export const MAX_SEARCH_TURNS = 200;

/** Loads the activity of the thread's turns (bounded) while the search is open. */
export function useWatchThreadTurns(messages: readonly ChatMessage[]): void {
  const { turns } = useCodexStores();
  const turnKey = messages.flatMap((message) => (message.acp_turn?.id ? [message.acp_turn.id] : [])).slice(-MAX_SEARCH_TURNS).join('\n');
  useEffect(() => {
    if (turnKey === '') return;
    const stops = turnKey.split('\n').map((turnId) => turns.getState().watchTurn(turnId));
    return () => stops.forEach((stop) => stop());
  }, [turns, turnKey]);
}
