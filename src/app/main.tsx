import { createRoot } from 'react-dom/client';
import { selectThread } from '../index.js';
import { App } from './App.js';
import { createAppRuntime } from './create-app-runtime.js';
import { connectToHub, resolveAccountId } from './hub-connection.js';
import { followRoomInLocation, readRoomLocation } from './room-location.js';

// Lite mode: this page was served by the local hub, which set the access cookie (and removed the
// token from the address) on first load.
const requested = readRoomLocation(location.search);
const api = connectToHub();
const accountId = await resolveAccountId(api);
const runtime = createAppRuntime(api, accountId);
const { room } = runtime;

createRoot(document.getElementById('root') as HTMLElement).render(<App runtime={runtime} />);

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
