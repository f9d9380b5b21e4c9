import type { RoomStore } from '../index.js';

/** The chat and thread named in the address (`?chat=…&thread=…`). */
export type RoomLocation = { chat: string | null; thread: string | null };

export function readRoomLocation(search: string): RoomLocation {
  const params = new URLSearchParams(search);
  return { chat: params.get('chat'), thread: params.get('thread') };
}

/** `search` with the chat and thread set (or removed when null); other parameters are kept. */
export function roomSearch(search: string, { chat, thread }: RoomLocation): string {
  const params = new URLSearchParams(search);
  for (const [name, value] of [['chat', chat], ['thread', thread]] as const) {
    if (value === null) params.delete(name);
    else params.set(name, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * Keeps the address in step with the open chat and thread (replaceState: no history entries), so a
 * reload, even mid-turn, returns to the same thread. Returns the disposer.
 */
export function followRoomInLocation(room: RoomStore, target: Pick<Window, 'location' | 'history'> = window): () => void {
  const write = () => {
    const { chatPath, selectedThreadKey } = room.getState();
    const search = roomSearch(target.location.search, { chat: chatPath, thread: chatPath ? selectedThreadKey : null });
    if (search === target.location.search) return;
    target.history.replaceState(target.history.state, '', `${target.location.pathname}${search}${target.location.hash}`);
  };
  write();
  return room.subscribe(write);
}
