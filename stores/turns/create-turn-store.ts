import { createStore } from 'zustand/vanilla';
import { immer } from 'zustand/middleware/immer';
import { createTurnView, reduceTurnEvents } from '../../src/activity/index.js';
import type { TurnView } from '../../src/activity/index.js';
import type { AcpApi } from '../../src/acp-api/index.js';
import type { TurnEvent } from '../../src/protocol/index.js';
import { scheduleFlushDefault } from './schedule-flush.js';
import type { ScheduleFlush } from './schedule-flush.js';
import { createTurnBatcher } from './turn-batcher.js';
import { approvalKey } from './turn-store-types.js';
import type { TurnStoreState } from './turn-store-types.js';

/** Options of `createTurnStore`: the api (absent in fixtures) and how live batches are scheduled. */
export type TurnStoreOptions = { api?: AcpApi; schedule?: ScheduleFlush };

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A batch in seq order: the reducer needs it (it ignores every seq <= lastSeq, so an early event
 * arriving after a later one would be lost). Sorting is all it needs: that same rule already makes
 * duplicates and already-applied events no-ops, and a batch that changes nothing returns the view itself.
 */
function inSeqOrder(events: readonly TurnEvent[]): readonly TurnEvent[] {
  for (let index = 1; index < events.length; index += 1) {
    if (events[index].seq < events[index - 1].seq) return [...events].sort((a, b) => a.seq - b.seq);
  }
  return events;
}

/** The turn store (vanilla zustand + Immer); components read it through `stores/hooks`. */
export function createTurnStore({ api, schedule = scheduleFlushDefault }: TurnStoreOptions = {}) {
  const watchers = new Map<string, { count: number; stop: () => void }>();

  const store = createStore<TurnStoreState>()(
    immer((set, get) => {
      const ingestBatches = (batches: Map<string, readonly TurnEvent[]>) => {
        const next = new Map<string, TurnView>();
        for (const [turnId, events] of batches) {
          if (events.length === 0) continue;
          const current = get().turns[turnId];
          const reduced = reduceTurnEvents(current ?? createTurnView(), inSeqOrder(events));
          if (reduced !== current) next.set(turnId, reduced);
        }
        if (next.size === 0) return; // a no-op batch notifies nobody
        set((draft) => {
          for (const [turnId, view] of next) draft.turns[turnId] = view;
        });
      };
      const batcher = createTurnBatcher(schedule, ingestBatches);

      return {
        turns: {},
        interrupts: {},
        approvals: {},
        ingestEvents: (turnId, events) => ingestBatches(new Map([[turnId, events]])),
        watchTurn: (turnId) => {
          if (!api) return () => {};
          const existing = watchers.get(turnId);
          if (existing) existing.count += 1;
          else {
            const fromSeq = (get().turns[turnId]?.lastSeq ?? -1) + 1;
            const stop = api.subscribeTurn(turnId, fromSeq, (event) => batcher.push(turnId, event));
            watchers.set(turnId, { count: 1, stop });
          }
          let disposed = false;
          return () => {
            if (disposed) return;
            disposed = true;
            const watcher = watchers.get(turnId);
            if (!watcher) return;
            watcher.count -= 1;
            if (watcher.count > 0) return;
            watchers.delete(turnId);
            watcher.stop();
            batcher.flush();
          };
        },
        interrupt: async (turnId) => {
          if (!api) throw new Error('[turns] interrupt needs an acp-api connection');
          set((draft) => {
            draft.interrupts[turnId] = { state: 'requested' };
          });
          try {
            await api.call('turn.interrupt', { turnId });
          } catch (error) {
            set((draft) => {
              draft.interrupts[turnId] = { state: 'failed', error: errorText(error) };
            });
          }
        },
        respondToApproval: async (turnId, requestId, optionId) => {
          if (!api) throw new Error('[turns] respondToApproval needs an acp-api connection');
          const key = approvalKey(turnId, requestId);
          set((draft) => {
            draft.approvals[key] = { optionId, state: 'sending' };
          });
          try {
            await api.call('permission.respond', { turnId, requestId, optionId });
            set((draft) => {
              draft.approvals[key] = { optionId, state: 'sent' };
            });
          } catch (error) {
            set((draft) => {
              draft.approvals[key] = { optionId, state: 'failed', error: errorText(error) };
            });
          }
        },
        deleteLogs: async (target) => {
          if (!api) throw new Error('[turns] deleteLogs needs an acp-api connection');
          return (await api.call('logs.delete', target)).deleted;
        },
        loadLogStats: async () => {
          if (!api) throw new Error('[turns] loadLogStats needs an acp-api connection');
          return api.call('logs.stats', {});
        },
        dispose: () => {
          for (const watcher of watchers.values()) watcher.stop();
          watchers.clear();
          batcher.flush();
        },
      };
    }),
  );
  return store;
}

/** The vanilla turn store. */
export type TurnStore = ReturnType<typeof createTurnStore>;
