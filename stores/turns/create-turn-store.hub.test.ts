// The turn store against the real hub, the real acp-api client and the demo agent (a real ACP agent
// process). It imports the hub's test helpers only to start a hub; the store itself never does.
import { afterEach, describe, expect, it } from 'vitest';
import { createTurnView, reduceTurnEvents } from '../../src/activity/index.js';
import type { ActivityItem, PermissionItem } from '../../src/activity/index.js';
import { createThread, sendText, startTurnHub, waitFor, watchTurn } from '../../src/hub/turns/testing/turn-test-helpers.js';
import type { TurnHub } from '../../src/hub/turns/testing/turn-test-helpers.js';
import { createTurnStore } from './create-turn-store.js';
import { selectInterruptPhase } from './select-interrupt-phase.js';

describe('turn store on the real hub with the demo agent', () => {
  const hubs: TurnHub[] = [];
  afterEach(async () => {
    for (const hub of hubs.splice(0)) await hub.close();
  });

  it('follows a full turn live, answers its permission, and equals a replay of the log', async () => {
    const started = await startTurnHub();
    hubs.push(started);
    const { client } = started;
    const threadKey = await createThread(client, { agent: 'demo' });
    const { turnId } = await sendText(client, threadKey, 'full run please');
    const store = createTurnStore({ api: client });
    const stop = store.getState().watchTurn(turnId);
    const items = () => Object.values(store.getState().turns[turnId]?.items ?? {}) as ActivityItem[];
    const pending = await waitFor('a pending permission in the store', () => items().find((item): item is PermissionItem => item.kind === 'permission' && item.state === 'pending'), 60_000);
    await store.getState().respondToApproval(turnId, pending.requestId, 'allow_once');
    await waitFor('the turn to complete in the store', () => store.getState().turns[turnId]?.state === 'completed', 60_000);
    const kinds = new Set(items().map((item) => item.kind));
    for (const kind of ['reasoning', 'plan', 'terminal', 'diff', 'permission', 'message']) expect(kinds).toContain(kind);
    const decided = items().find((item): item is PermissionItem => item.kind === 'permission');
    expect(decided).toMatchObject({ state: 'selected', optionId: 'allow_once' });
    stop();

    // a reload: everything again from seq 0, through another subscription
    const replay = watchTurn(client, turnId);
    await replay.done();
    replay.stop();
    expect(store.getState().turns[turnId]).toEqual(reduceTurnEvents(createTurnView(), replay.events));
    const reloaded = createTurnStore({ api: client });
    const stopReloaded = reloaded.getState().watchTurn(turnId);
    await waitFor('the reloaded store to catch up', () => reloaded.getState().turns[turnId]?.state === 'completed', 60_000);
    expect(reloaded.getState().turns[turnId]).toEqual(store.getState().turns[turnId]);
    stopReloaded();
  });

  it('interrupts a slow command: stopping, then stopped', async () => {
    const started = await startTurnHub();
    hubs.push(started);
    const { client } = started;
    const threadKey = await createThread(client, { agent: 'demo' });
    const { turnId } = await sendText(client, threadKey, 'slow');
    const store = createTurnStore({ api: client });
    const stop = store.getState().watchTurn(turnId);
    await waitFor('the running command', () => Object.values(store.getState().turns[turnId]?.items ?? {}).some((item) => item.kind === 'terminal'), 60_000);
    const interrupted = store.getState().interrupt(turnId);
    expect(selectInterruptPhase(store.getState().turns[turnId], store.getState().interrupts[turnId])).toBe('stopping');
    await interrupted;
    await waitFor('the turn to end', () => store.getState().turns[turnId]?.state === 'cancelled', 60_000);
    expect(selectInterruptPhase(store.getState().turns[turnId], store.getState().interrupts[turnId])).toBe('stopped');
    const terminal = Object.values(store.getState().turns[turnId].items).find((item) => item.kind === 'terminal');
    expect(terminal && 'status' in terminal ? terminal.status : null).toMatch(/cancelled|failed/);
    stop();
  });
});
