// The room's send against the real hub, the real acp-api client and a RemoteSyncDB: after a dropped
// connection, the hub must have the user's row before it gets the turn.send that reads it.
import { afterEach, describe, expect, it } from 'vitest';
import type { TurnService, TurnServiceDeps } from '../../src/hub/types.js';
import { createTurnService } from '../../src/hub/turns/index.js';
import { CHAT_PATH, createThread, startTurnHub, waitFor, watchTurn, type TurnHub } from '../../src/hub/turns/testing/turn-test-helpers.js';
import { createRemoteSyncDB, dateToMs } from '../../src/syncdb/index.js';
import { createRoomStore } from './create-room-store.js';

type Arrival = { turnId: string; rowWasThere: boolean };

// The real turn service, with a look at the document at the moment each turn.send arrives.
function probedTurnService(arrivals: Arrival[]) {
  return (deps: TurnServiceDeps): TurnService => {
    const real = createTurnService(deps);
    const send = real.handlers['turn.send'];
    if (!send) throw new Error('the turn service has no turn.send');
    return {
      ...real,
      handlers: {
        ...real.handlers,
        'turn.send': async (params, context) => {
          const { userDate } = params as { userDate: string };
          const db = await deps.documents.open(CHAT_PATH);
          const rowWasThere = db.get().some((row) => row.event === 'chat' && dateToMs(row.date) === dateToMs(userDate));
          const result = await send(params as never, context);
          arrivals.push({ turnId: result.turnId, rowWasThere });
          return result;
        },
      },
    };
  };
}

describe('sending right after a reconnect', () => {
  const hubs: TurnHub[] = [];
  afterEach(async () => {
    for (const hub of hubs.splice(0)) await hub.close();
  });

  it('reaches the hub only after the row it reads (the pending chat.set is re-sent first)', async () => {
    const arrivals: Arrival[] = [];
    const started = await startTurnHub(undefined, { turnService: probedTurnService(arrivals) });
    hubs.push(started);
    const { client, hub } = started;
    const threadKey = await createThread(client, { agent: 'demo' });
    const room = createRoomStore({
      api: client,
      accountId: 'user-1',
      openDocument: async (path) => {
        const syncdb = await createRemoteSyncDB(client, path);
        return { syncdb, close: () => syncdb.close() };
      },
    });
    await room.getState().openChat(CHAT_PATH);
    await waitFor('the agent thread in the room', () => room.getState().chat?.document.syncdb.get().length);

    hub.disconnectClients();
    await waitFor('the client to see the drop', () => client.connectionState().type !== 'open');
    // The row goes into RemoteSyncDB's pending writes; turn.send waits in the client's queue.
    await room.getState().sendMessage(threadKey, { text: 'hello after the drop' });

    expect(room.getState().error).toBeNull();
    expect(arrivals).toHaveLength(1);
    expect(arrivals[0].rowWasThere).toBe(true);
    const turn = watchTurn(client, arrivals[0].turnId);
    expect(await turn.done()).toBe('completed');
    turn.stop();
    room.getState().dispose();
  });
});
