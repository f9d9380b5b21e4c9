import { createStore } from 'zustand/vanilla';
import { immer } from 'zustand/middleware/immer';
import type { AcpApi } from '../../src/acp-api/index.js';
import { createQueuePlanActions } from './queue-plan-actions.js';
import type { SessionSeed, SessionStoreState } from './session-store-types.js';

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function requireApi(api: AcpApi | undefined, action: string): AcpApi {
  if (!api) throw new Error(`[session] ${action} needs an acp-api connection`);
  return api;
}

/**
 * The session store: agents (`agents.list` + `agents.change`), settings (`settings.get` +
 * `settings.change`), per-thread queues (`queue.get` + `queue.change`) and the connection state.
 * Call `refresh()` once after creating it with an api.
 */
export function createSessionStore({ api, seed = {} }: { api?: AcpApi; seed?: SessionSeed } = {}) {
  const stops: Array<() => void> = [];
  const loadedPaths = new Set<string>();

  const store = createStore<SessionStoreState>()(
    immer((set, get) => ({
      connection: seed.connection ?? api?.connectionState() ?? { type: 'closed', reason: 'no connection' },
      agents: seed.agents ?? null,
      settings: seed.settings ?? null,
      isAdmin: seed.isAdmin ?? false,
      accountId: seed.accountId ?? null,
      accountName: seed.accountName ?? null,
      queues: seed.queues ?? {},
      pausedQueues: seed.pausedQueues ?? {},
      error: null,
      refresh: async () => {
        const client = requireApi(api, 'refresh');
        try {
          const [agents, settings] = await Promise.all([client.call('agents.list', {}), client.call('settings.get', {})]);
          set((draft) => {
            draft.agents = agents.agents;
            draft.settings = settings.settings;
            draft.isAdmin = settings.isAdmin;
            draft.accountId = settings.accountId;
            draft.accountName = settings.accountName ?? null;
            draft.error = null;
          });
          await Promise.all([...loadedPaths].map((path) => get().loadQueues(path)));
        } catch (error) {
          set((draft) => {
            draft.error = `Could not load agents and settings: ${errorText(error)}`;
          });
        }
      },
      loadQueues: async (path) => {
        const client = requireApi(api, 'loadQueues');
        loadedPaths.add(path);
        try {
          const { queues, paused = [] } = await client.call('queue.get', { path });
          set((draft) => {
            draft.queues[path] = queues;
            draft.pausedQueues[path] = Object.fromEntries(paused.map((threadKey) => [threadKey, true]));
          });
        } catch (error) {
          set((draft) => {
            draft.error = `Could not load the queue of ${path}: ${errorText(error)}`;
          });
        }
      },
      cancelQueued: async (turnId) => {
        const client = requireApi(api, 'cancelQueued');
        try {
          const { cancelled } = await client.call('turn.cancelQueued', { turnId });
          return cancelled;
        } catch (error) {
          set((draft) => {
            draft.error = `Could not cancel the queued message: ${errorText(error)}`;
          });
          return false;
        }
      },
      ...createQueuePlanActions(api, (message) => set((draft) => void (draft.error = message))),
      authenticate: async (agent, methodId, apiKey) =>
        requireApi(api, 'authenticate').call('agents.authenticate', apiKey === undefined ? { agent, methodId } : { agent, methodId, apiKey }),
      saveSettings: async (settings) => {
        const result = await requireApi(api, 'saveSettings').call('settings.set', { settings });
        set((draft) => {
          draft.settings = result.settings;
        });
        return result.settings;
      },
      saveAccountName: async (name) => {
        const { accountName } = await requireApi(api, 'saveAccountName').call('account.setName', { name });
        set((draft) => {
          draft.accountName = accountName;
        });
        return accountName;
      },
      dispose: () => {
        for (const stop of stops.splice(0)) stop();
      },
    })),
  );

  if (api) {
    stops.push(
      api.on('agents.change', ({ agents }) => store.setState((draft) => void (draft.agents = agents))),
      api.on('settings.change', ({ settings }) => store.setState((draft) => void (draft.settings = settings))),
      api.on('queue.change', ({ path, threadKey, queue, paused }) =>
        store.setState((draft) => {
          draft.queues[path] ??= {};
          draft.queues[path][threadKey] = queue;
          draft.pausedQueues[path] ??= {};
          draft.pausedQueues[path][threadKey] = paused === true;
        }),
      ),
      api.onConnectionChange((connection) => {
        const wasOpen = store.getState().connection.type === 'open';
        store.setState((draft) => void (draft.connection = connection));
        // Notifications sent while we were away are lost; reload what they would have changed.
        if (!wasOpen && connection.type === 'open') void store.getState().refresh();
      }),
    );
  }
  return store;
}

/** The vanilla session store. */
export type SessionStore = ReturnType<typeof createSessionStore>;
