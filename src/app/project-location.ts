import { selectThread } from '../index.js';
import type { RoomStore } from '../index.js';
import { multiuserHash } from './multiuser-route.js';

/** Opens the chat (and thread) the address names, else keeps the open one, else opens the most recently changed. */
export async function openRoutedChat(room: RoomStore, chat: string | null, thread: string | null): Promise<void> {
  try {
    if (room.getState().files === null) await room.getState().refreshFiles();
    const files = room.getState().files ?? [];
    const target = chat ?? room.getState().chatPath ?? [...files].sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt))[0]?.path;
    if (target && room.getState().chatPath !== target) await room.getState().openChat(target);
    const open = room.getState().chat;
    if (thread && open && room.getState().selectedThreadKey !== thread && selectThread(open.store.getState(), thread)) room.getState().selectThread(thread);
  } catch (error) {
    // The room store shows its own errors (room.error); this is only for the log.
    console.error('[app] could not open the chat of the address:', error);
  }
}

/**
 * Keeps the hash in step with the project's open chat and thread (replaceState: no history entries),
 * so a reload returns to the same thread. Not while a chat is opening: the old path would win.
 */
export function followRoomInHash(room: RoomStore, projectId: string, target: Pick<Window, 'location' | 'history'> = window): () => void {
  const write = () => {
    const { chatPath, selectedThreadKey, opening } = room.getState();
    if (opening || chatPath === null) return;
    const hash = multiuserHash({ page: 'project', projectId, chat: chatPath, thread: selectedThreadKey });
    if (hash === target.location.hash) return;
    target.history.replaceState(target.history.state, '', `${target.location.pathname}${target.location.search}${hash}`);
  };
  write();
  return room.subscribe(write);
}
