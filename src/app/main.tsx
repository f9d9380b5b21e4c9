import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { createAppStores } from './create-app-stores.js';
import { connectToHub, resolveAccountId } from './hub-connection.js';

// Lite mode: this page was served by the local hub, which set the access cookie (and removed the
// token from the address) on first load.
const requestedChat = new URLSearchParams(location.search).get('chat');
const api = connectToHub();
const accountId = await resolveAccountId(api);
const { stores, room } = createAppStores(api, accountId);

createRoot(document.getElementById('root') as HTMLElement).render(<App stores={stores} room={room} />);

// Open the chat named in `?chat=`, else the most recently changed one.
await room.getState().refreshFiles();
const files = room.getState().files ?? [];
const initial = requestedChat ?? [...files].sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt))[0]?.path;
if (initial) await room.getState().openChat(initial);
