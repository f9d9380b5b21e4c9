export { createElicitationStore } from './create-elicitation-store.js';
export type { ElicitationState, ElicitationStore, PendingElicitation } from './create-elicitation-store.js';
export { useElicitations } from './useElicitations.js';
export { isWebUrl } from '../../src/protocol/index.js';
