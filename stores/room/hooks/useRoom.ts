import { useStore } from 'zustand';
import type { RoomStoreState } from '../room-store-types.js';
import { useRoomStore } from '../../provider.js';

/** A slice of the room state; re-renders only when the selected value changes. */
export function useRoom<T>(selector: (state: RoomStoreState) => T): T {
  return useStore(useRoomStore(), selector);
}
