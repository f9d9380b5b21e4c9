import type { ItemStatus } from './types.js';

const OPEN_STATUSES: ReadonlySet<ItemStatus> = new Set(['pending', 'awaiting-approval', 'in-progress']);

/** Whether a tool status means the call has not finished. */
export function isOpenStatus(status: ItemStatus): boolean {
  return OPEN_STATUSES.has(status);
}
