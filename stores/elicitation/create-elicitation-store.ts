import { createStore } from 'zustand/vanilla';
import { immer } from 'zustand/middleware/immer';
import type { AcpApi } from '../../src/acp-api/index.js';
import type { ElicitationRequest } from '../../src/protocol/index.js';

/** One sign-in an agent asks this account for: shown until the hub says it is done. */
export type PendingElicitation = ElicitationRequest & {
  /** 'asking': the page and code are shown; 'waiting': this tab opened the page, the agent waits for the sign-in. */
  phase: 'asking' | 'waiting';
  /** Why the last answer did not reach the hub. */
  error?: string;
};

export type ElicitationState = {
  pending: PendingElicitation[];
  /** The user opened the page (ACP "accept"): this tab waits for the sign-in to finish. */
  opened(elicitationId: string): void;
  /** The user gave up (ACP "cancel"): the agent stops waiting, the turn ends. */
  cancel(elicitationId: string): void;
  /** Starts listening to the hub's elicitation notifications; returns the stop. */
  listen(): () => void;
};

/**
 * The URL elicitations of this account (the hub sends them only to the account that started the
 * turn): `elicitation.request` adds one, `elicitation.done` (answered in another tab, completed,
 * withdrawn) removes it, and the answers go back with `elicitation.respond`.
 */
export function createElicitationStore(api: AcpApi | null) {
  const store = createStore<ElicitationState>()(
    immer((set, get) => {
      const update = (elicitationId: string, change: (entry: PendingElicitation) => void) =>
        set((state) => {
          const entry = state.pending.find((candidate) => candidate.elicitationId === elicitationId);
          if (entry) change(entry);
        });
      const remove = (elicitationId: string) => set((state) => void (state.pending = state.pending.filter((entry) => entry.elicitationId !== elicitationId)));
      const respond = (elicitationId: string, action: 'accept' | 'cancel') =>
        api?.call('elicitation.respond', { elicitationId, action }).catch((error: Error) => update(elicitationId, (entry) => void (entry.error = error.message)));
      return {
        pending: [],
        opened(elicitationId) {
          const entry = get().pending.find((candidate) => candidate.elicitationId === elicitationId);
          if (!entry || entry.phase === 'waiting') return;
          update(elicitationId, (draft) => void (draft.phase = 'waiting'));
          void respond(elicitationId, 'accept');
        },
        cancel(elicitationId) {
          remove(elicitationId);
          void respond(elicitationId, 'cancel');
        },
        listen() {
          if (!api) return () => {};
          const stops = [
            api.on('elicitation.request', (request) => {
              if (get().pending.some((entry) => entry.elicitationId === request.elicitationId)) return;
              set((state) => void state.pending.push({ ...request, phase: 'asking' }));
            }),
            api.on('elicitation.done', ({ elicitationId }) => remove(elicitationId)),
          ];
          return () => stops.forEach((stop) => stop());
        },
      };
    }),
  );
  return store;
}

export type ElicitationStore = ReturnType<typeof createElicitationStore>;
