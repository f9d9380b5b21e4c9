import { createRoot } from 'react-dom/client';
import { createPeopleStore, selectThread } from '../index.js';
import { App } from './App.js';
import { createAppRuntime } from './create-app-runtime.js';
import { connectToHub, resolveIdentity } from './hub-connection.js';
import { MultiuserApp } from './MultiuserApp.js';
import { createProjectRuntimes } from './project-runtimes.js';
import { followRoomInLocation, readRoomLocation } from './room-location.js';

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
  root.render(<App runtime={runtime} people={people} />);

  // Open the chat named in `?chat=` (and its `&thread=`), else the most recently changed one.
  await room.getState().refreshFiles();
  const files = room.getState().files ?? [];
  const initial = requested.chat ?? [...files].sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt))[0]?.path;
  if (initial) await room.getState().openChat(initial);
  const chat = room.getState().chat;
  if (chat && requested.thread && initial === requested.chat && selectThread(chat.store.getState(), requested.thread)) {
    room.getState().selectThread(requested.thread);
  }
  followRoomInLocation(room);
}
