export type { ChangeListener, SyncDB, Where } from './types.js';
