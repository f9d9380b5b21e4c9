import { newestChatPath, type RoomStore } from '../index.js';
import { multiuserHash } from './multiuser-route.js';

/** Opens the chat (and thread) the address names, else keeps the open one, else opens the most recently changed. */
export async function openRoutedChat(room: RoomStore, chat: string | null, thread: string | null): Promise<void> {
  try {
    // A named chat does not wait for the file list.
    const listed = room.getState().files === null ? room.getState().refreshFiles() : Promise.resolve();
    let target = chat ?? room.getState().chatPath;
    if (!target) {
      await listed;
      target = newestChatPath(room.getState().files);
    }
    // openChat selects the thread when it exists (and, opening, has it arrive first).
    if (target) await room.getState().openChat(target, thread ? { threadKey: thread } : {});
    await listed;
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
