import { describe, expect, it } from 'vitest';
import { DEFAULT_HUB_SETTINGS } from '../../src/protocol/index.js';
import type { AgentInfo, QueuedTurn } from '../../src/protocol/index.js';
import { createFakeAcpApi } from '../room/testing/fake-acp-api.js';
import { createSessionStore } from './create-session-store.js';

const demo: AgentInfo = { id: 'demo', label: 'Demo', demo: true, installed: true, signedIn: true, enabled: true, authMethods: [], configOptions: [], acceptsImages: true };
const queued = (turnId: string, position: number): QueuedTurn => ({ turnId, position, userDate: '2026-01-01T12:00:00.000Z', text: `message ${position}`, accountId: 'alice' });

function setup() {
  const fake = createFakeAcpApi({
    'agents.list': () => ({ agents: [demo] }),
    'settings.get': () => ({ settings: DEFAULT_HUB_SETTINGS, isAdmin: true, accountId: 'me' }),
    'queue.get': ({ path }) => ({ queues: path === 'a.chat' ? { '100': [queued('t1', 1), queued('t2', 2)] } : ({} as Record<string, QueuedTurn[]>) }),
    'turn.cancelQueued': ({ turnId }) => ({ cancelled: turnId === 't1' }),
    'settings.set': ({ settings }) => ({ settings: { ...DEFAULT_HUB_SETTINGS, ...settings } }),
  });
  return { fake, store: createSessionStore({ api: fake.api }) };
}

describe('session store', () => {
  it('loads agents and settings, then follows agents.change and settings.change', async () => {
    const { fake, store } = setup();
    await store.getState().refresh();
    expect(store.getState().agents?.map((agent) => agent.id)).toEqual(['demo']);
    expect(store.getState().isAdmin).toBe(true);
    expect(store.getState().accountId).toBe('me');
    fake.emit('agents.change', { agents: [{ ...demo, enabled: false }] });
    expect(store.getState().agents?.[0].enabled).toBe(false);
    fake.emit('settings.change', { settings: { ...DEFAULT_HUB_SETTINGS, codex_default_models: ['gpt-5.5'] } });
    expect(store.getState().settings?.codex_default_models).toEqual(['gpt-5.5']);
  });

  it('keeps per-thread queues from queue.get and queue.change', async () => {
    const { fake, store } = setup();
    await store.getState().loadQueues('a.chat');
    expect(store.getState().queues['a.chat']['100'].map((turn) => turn.turnId)).toEqual(['t1', 't2']);
    fake.emit('queue.change', { path: 'a.chat', threadKey: '100', queue: [queued('t2', 1)] });
    expect(store.getState().queues['a.chat']['100']).toEqual([queued('t2', 1)]);
    fake.emit('queue.change', { path: 'b.chat', threadKey: '7', queue: [queued('t9', 1)] });
    expect(store.getState().queues['b.chat']['7'][0].turnId).toBe('t9');
  });

  it('cancels a queued turn through turn.cancelQueued and reports a refusal as false', async () => {
    const { fake, store } = setup();
    expect(await store.getState().cancelQueued('t1')).toBe(true);
    expect(await store.getState().cancelQueued('t2')).toBe(false);
    expect(fake.callsOf('turn.cancelQueued')).toEqual([{ turnId: 't1' }, { turnId: 't2' }]);
  });

  it('turns a failing load into a visible error, not a throw', async () => {
    const fake = createFakeAcpApi({});
    const store = createSessionStore({ api: fake.api });
    await store.getState().refresh();
    expect(store.getState().error).toMatch(/Could not load agents and settings: .*agents.list/);
  });

  it('tracks the connection and reloads after a reconnect', async () => {
    const { fake, store } = setup();
    fake.setConnection({ type: 'reconnecting', attempt: 1 });
    expect(store.getState().connection).toEqual({ type: 'reconnecting', attempt: 1 });
    fake.setConnection({ type: 'open' });
    await expect.poll(() => store.getState().agents?.length, { timeout: 10_000 }).toBe(1);
    expect(fake.callsOf('agents.list')).toHaveLength(1);
  });

  it('saves settings and keeps the answer; stops listening after dispose', async () => {
    const { fake, store } = setup();
    await store.getState().saveSettings({ codex_enabled: false });
    expect(store.getState().settings?.codex_enabled).toBe(false);
    store.getState().dispose();
    fake.emit('agents.change', { agents: [demo, demo] });
    expect(store.getState().agents).toBeNull();
  });

  it('explains what is missing when used without an api', async () => {
    const store = createSessionStore({ seed: { agents: [demo] } });
    expect(store.getState().agents).toEqual([demo]);
    await expect(store.getState().authenticate('codex', 'apikey', 'sk-x')).rejects.toThrow(/needs an acp-api connection/);
  });
});
