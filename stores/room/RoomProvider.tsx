import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { RoomStore } from './create-room-store.js';

const RoomStoreContext = createContext<RoomStore | null>(null);

/** Puts the room store (open chat, selected thread) in context for the room components. */
export function RoomProvider({ store, children }: { store: RoomStore; children: ReactNode }) {
  return <RoomStoreContext.Provider value={store}>{children}</RoomStoreContext.Provider>;
}

/** The room store of the nearest RoomProvider; throws a clear error outside one. */
export function useRoomStore(): RoomStore {
  const store = useContext(RoomStoreContext);
  if (!store) throw new Error('[room] useRoomStore() needs a <RoomProvider> above it');
  return store;
}
