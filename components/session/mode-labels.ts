import type { SessionMode } from '../../src/protocol/index.js';

/** How each execution mode is named and explained in the modal and on the session button. */
export const MODE_LOOK: Record<SessionMode, { label: string; description: string; danger: boolean }> = {
  'read-only': { label: 'Read only', description: 'Reads files; asks before editing or using the network.', danger: false },
  'workspace-write': { label: 'Workspace write', description: 'Edits files in the working directory; asks before anything outside it.', danger: false },
  'full-access': { label: 'Full access', description: 'Runs any command and changes any file on this computer, with network access, without asking.', danger: true },
};
