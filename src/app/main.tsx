import { createRoot } from 'react-dom/client';
import { createPeopleStore, newestChatPath } from '../index.js';
import type { RoomStore } from '../index.js';
import { App } from './App.js';
import { createAppRuntime } from './create-app-runtime.js';
import { connectToHub, resolveIdentity } from './hub-connection.js';
import { MultiuserApp } from './MultiuserApp.js';
import { createProjectRuntimes } from './project-runtimes.js';
import { followRoomInLocation, readRoomLocation } from './room-location.js';
import type { RoomLocation } from './room-location.js';

/** How long the page waits for its first chat before it renders without it (then shows it opening). */
const FIRST_RENDER_WAIT_MS = 300;

// Lite mode: this page was served by the local hub, which set the access cookie (and removed the
// token from the address) on first load. Multiuser: the hub served it to a logged-in session.
const api = connectToHub();
const identity = await resolveIdentity(api);
const people = createPeopleStore({ api, seed: identity.accountName ? [{ accountId: identity.accountId, name: identity.accountName }] : [] });
const root = createRoot(document.getElementById('root') as HTMLElement);

if (identity.mode === 'multiuser') {
  root.render(<MultiuserApp api={api} identity={identity} people={people} runtimes={createProjectRuntimes(api, identity.accountId)} />);
} else {
  const requested = readRoomLocation(location.search);
  const runtime = createAppRuntime(api, identity.accountId);
  const { room } = runtime;
  // The page renders once the chat is open (or after FIRST_RENDER_WAIT_MS, showing it opening): one
  // render of the thread, instead of the welcome pane first and the thread in a second long task.
  const opened = openFirstChat(room, requested);
  await Promise.race([opened, new Promise((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS))]);
  root.render(<App runtime={runtime} people={people} />);
  await opened;
  followRoomInLocation(room);
}

/**
 * Opens the chat named in `?chat=` (and its `&thread=`, which arrives first), else the most recently
 * changed one; a named chat does not wait for the file list.
 */
async function openFirstChat(room: RoomStore, requested: RoomLocation): Promise<void> {
  const listed = room.getState().refreshFiles();
  if (requested.chat) {
    await room.getState().openChat(requested.chat, requested.thread ? { threadKey: requested.thread } : {});
  } else {
    await listed;
    const latest = newestChatPath(room.getState().files);
    if (latest) await room.getState().openChat(latest);
  }
}
