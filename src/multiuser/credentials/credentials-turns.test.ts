import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { scriptedCodexConfig, startScriptedResponsesServer, type ScriptedItem, type ScriptedResponsesServer } from '../../agents/testing/scripted-responses-server.js';
import { createTurnService } from '../../hub/turns/index.js';
import { createThread, startTurnHub, updatesOf, waitFor, watchTurn, type TurnHub } from '../../hub/turns/testing/turn-test-helpers.js';
import type { ClientContext, MethodHandler, TurnService, TurnServiceDeps } from '../../hub/types.js';
import { DEFAULT_HUB_SETTINGS } from '../../protocol/index.js';
import { addAccount, openPglite, runMigrations, type Database } from '../db/index.js';
import { createMultiuserCredentials, type MultiuserCredentials } from './multiuser-credentials.js';

const ANN_KEY = 'sk-ann-key-7f3a91c2d4e5';
const BO_KEY = 'sk-bo-key-1b2c3d4e5f60';
const SITE_KEY = 'sk-site-key-9a8b7c6d5e4f';

function script(request: { userText: string; afterToolOutput: boolean }): ScriptedItem[] {
  if (request.afterToolOutput) return [{ type: 'message', text: 'done' }];
  if (request.userText.includes('scenario:leak')) return [{ type: 'exec', cmd: 'echo "key=$OPENAI_API_KEY"' }];
  return [{ type: 'message', text: 'ok' }];
}

/** Every file under `dir` whose text holds `needle`. */
function filesContaining(dir: string, needle: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(dir, entry);
    if (statSync(file).isFile() && readFileSync(file, 'latin1').includes(needle)) found.push(file);
  }
  return found;
}

/** Live processes started with `key` in their environment (the agents; /proc is readable here). */
function processesWithKey(key: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0').includes(`OPENAI_API_KEY=${key}`)) pids.push(Number(entry));
    } catch {
      // The process ended while we looked, or is not ours to read.
      continue;
    }
  }
  return pids;
}

/**
 * The turn service with the multiuser resolver, and turn.send taking `asAccount`: it stands in for
 * the multiuser router, which sets context.accountId from the login session (src/multiuser/hub).
 */
function turnServiceAs(credentials: MultiuserCredentials) {
  return (deps: TurnServiceDeps): TurnService => {
    const service = createTurnService({ ...deps, resolveCredential: credentials.resolveCredential });
    const send = service.handlers['turn.send'] as MethodHandler<'turn.send'>;
    const sendAs: MethodHandler<'turn.send'> = async (params, context) => {
      const { asAccount, ...rest } = params as typeof params & { asAccount: string };
      return send(rest, { ...context, accountId: asAccount });
    };
    return { ...service, handlers: { ...service.handlers, 'turn.send': sendAs } };
  };
}

describe('per-user credentials reach the real Codex agent (codex-acp on a scripted model)', () => {
  let server: ScriptedResponsesServer;
  let setup: TurnHub;
  let db: Database;
  let credentials: MultiuserCredentials;
  let envHome: string;
  let dataDir: string;
  let accounts: Record<'ann' | 'bo' | 'cy', ClientContext>;
  const printed: string[] = [];

  beforeAll(async () => {
    for (const method of ['log', 'info', 'warn', 'error'] as const) {
      const original = console[method].bind(console);
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        printed.push(args.map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack}` : String(arg))).join(' '));
        original(...args);
      });
    }
    server = await startScriptedResponsesServer(script);
    envHome = mkdtempSync(path.join(os.tmpdir(), 'codex-chat-credentials-home-'));
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'codex-chat-credentials-data-'));
    mkdirSync(path.join(envHome, '.codex'));
    writeFileSync(path.join(envHome, '.codex', 'config.toml'), scriptedCodexConfig(server.baseUrl));
    db = await openPglite();
    await runMigrations(db);
    credentials = createMultiuserCredentials({ dataDir, db, settings: () => DEFAULT_HUB_SETTINGS });
    const context = async (name: string, isAdmin = false): Promise<ClientContext> => ({ clientId: name, accountId: (await addAccount(db, { email: `${name}@example.org`, name, isAdmin })).id, isAdmin });
    accounts = { ann: await context('ann', true), bo: await context('bo'), cy: await context('cy') };
    const set = credentials.methods['credentials.set'] as MethodHandler<'credentials.set'>;
    await set({ agent: 'codex', apiKey: ANN_KEY }, accounts.ann);
    await set({ agent: 'codex', apiKey: BO_KEY }, accounts.bo);
    setup = await startTurnHub(undefined, { turnService: turnServiceAs(credentials) });
  }, 120_000);
  afterAll(async () => {
    vi.restoreAllMocks();
    await setup?.close(false);
    await server?.close();
    await db?.close();
    rmSync(envHome, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
    await setup?.dirs.remove();
  });

  async function turnAs(who: keyof typeof accounts, threadKey: string, text: string) {
    const { turnId } = await setup.client.call('turn.send', { ...(await sendParams(threadKey, text)), asAccount: accounts[who].accountId } as never);
    const turn = watchTurn(setup.client, turnId);
    await turn.done(120_000);
    return turn;
  }
  async function sendParams(threadKey: string, text: string) {
    // sendText's params, built here so that the account can be added.
    return { path: 'agents.chat', threadKey, prompt: [{ type: 'text' as const, text }], userDate: new Date(Number(threadKey) + 1 + Math.floor(Math.random() * 400)).toISOString() };
  }
  // Distinct keys per prompt: codex may send a request twice (a retry on a loaded machine).
  const authorizationOf = (text: string) => [...new Set(server.requests.filter((request) => request.userText.includes(text)).map((request) => request.authorization))];

  it("each member's turn in one thread runs on that member's key; the agent restarts when the key changes, not otherwise", async () => {
    const threadKey = await createThread(setup.client, { agent: 'codex', envHome, sessionMode: 'workspace-write' });
    const first = await turnAs('ann', threadKey, 'first by ann');
    expect(first.finalState()).toBe('completed');
    expect(authorizationOf('first by ann')).toEqual([`Bearer ${ANN_KEY}`]);
    const second = await turnAs('bo', threadKey, 'second by bo');
    expect(second.finalState()).toBe('completed');
    expect(authorizationOf('second by bo')).toEqual([`Bearer ${BO_KEY}`]);
    // Ann's agent process was ended for Bo's turn; Bo's third turn reuses the process of his second.
    const boAgent = Math.min(...processesWithKey(BO_KEY)); // the agent process itself, started before its children
    const third = await turnAs('bo', threadKey, 'third by bo');
    expect(third.finalState()).toBe('completed');
    expect(authorizationOf('third by bo')).toEqual([`Bearer ${BO_KEY}`]);
    expect(processesWithKey(BO_KEY)).toContain(boAgent);
    expect(await waitFor("Ann's agent to end", () => processesWithKey(ANN_KEY).length === 0 || undefined)).toBe(true);
    // The restarted agent loaded the thread's session: Bo's model call carries Ann's turn.
    expect(JSON.stringify(server.requests.find((request) => request.userText.includes('second by bo'))?.body.input)).toContain('first by ann');
  });

  it('a member without a key gets the sign-in message; with a site key set, their turn runs on it', async () => {
    const threadKey = await createThread(setup.client, { agent: 'codex', envHome, sessionMode: 'workspace-write' });
    expect((await turnAs('ann', threadKey, 'by ann before cy')).finalState()).toBe('completed');
    const refused = await turnAs('cy', threadKey, 'by cy without a key');
    expect(refused.finalState()).toBe('failed');
    // Exactly the message; and Ann's agent was ended, so its stderr tail is never quoted in Cy's failed turn.
    expect(refused.events.filter((event) => event.type === 'error').map((event) => (event as { message: string }).message)).toEqual(['Connect Codex in your account settings.']);
    expect(await waitFor("Ann's agent to end", () => processesWithKey(ANN_KEY).length === 0 || undefined)).toBe(true);
    expect(authorizationOf('by cy without a key')).toEqual([]);
    await (credentials.methods['credentials.setSite'] as MethodHandler<'credentials.setSite'>)({ agent: 'codex', apiKey: SITE_KEY }, accounts.ann);
    expect((await turnAs('cy', threadKey, 'by cy on the site key')).finalState()).toBe('completed');
    expect(authorizationOf('by cy on the site key')).toEqual([`Bearer ${SITE_KEY}`]);
    expect((await turnAs('ann', threadKey, 'by ann after the site key')).finalState()).toBe('completed');
    expect(authorizationOf('by ann after the site key')).toEqual([`Bearer ${ANN_KEY}`]);
  });

  // Not checked: the thread's agent home. Codex keeps the key there (auth.json, shell_snapshots): README "Credentials", limits.
  it('an agent printing its key: redacted in the turn; no key in turn logs, chat file, hub logs or the database', async () => {
    const threadKey = await createThread(setup.client, { agent: 'codex', envHome, sessionMode: 'full-access' });
    const leak = await turnAs('bo', threadKey, 'scenario:leak');
    expect(leak.finalState()).toBe('completed');
    const output = updatesOf(leak.events, 'tool_call_update').map((update) => (update._meta as { terminal_output?: { data: string } } | undefined)?.terminal_output?.data ?? '').join('');
    expect(output).toContain('key=[redacted secret]\n');
    await setup.hub.close();
    for (const key of [ANN_KEY, BO_KEY, SITE_KEY]) {
      expect(filesContaining(setup.dirs.stateDir, key)).toEqual([]);
      expect(filesContaining(setup.dirs.root, key)).toEqual([]);
      expect(filesContaining(dataDir, key)).toEqual([]);
      expect(printed.filter((line) => line.includes(key))).toEqual([]);
      const rows = await db.query<{ secret: string }>('select secret from user_credentials union all select secret from site_credentials');
      expect(JSON.stringify(rows)).not.toContain(key);
    }
  });
});
