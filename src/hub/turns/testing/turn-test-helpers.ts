// Helpers of the turn tests and the turns benchmark: a real hub with the turn service, real
// acp-api clients over WebSocket, agent threads in a chat file, and turn-log waits.
import type { AcpApi } from '../../../acp-api/index.js';
import type { AcpConfig, ContentBlock, Row, TurnEvent } from '../../../protocol/index.js';
import { connectClient, makeTempDirs, waitFor } from '../../hub-test-helpers.js';
import { startHub, type Hub, type HubOptions } from '../../server.js';
import { createTurnService } from '../index.js';

export { waitFor };

export const CHAT_PATH = 'agents.chat';
const FINAL = new Set(['completed', 'cancelled', 'failed', 'interrupted']);

/** A hub with the real turn service in fresh temp dirs, a connected client, and cleanup. */
export async function startTurnHub(existing?: { root: string; stateDir: string }, options: Partial<HubOptions> = {}) {
  const dirs = existing ? { ...existing, remove: async () => {} } : await makeTempDirs();
  const hub = await startHub({ root: dirs.root, stateDir: dirs.stateDir, appDir: `${dirs.root}/no-app`, turnService: createTurnService, ...options });
  const client = connectClient(hub);
  await client.call('chat.create', { path: CHAT_PATH }).catch((error: Error) => {
    if (!/exists/.test(error.message)) throw error;
  });
  await client.call('chat.open', { path: CHAT_PATH });
  return {
    hub,
    client,
    dirs,
    async close(removeDirs = true) {
      client.close();
      await hub.close();
      if (removeDirs) await dirs.remove();
    },
  };
}

let threadCounter = 0;
/** Creates an agent thread (a root row with acp_config); returns its key. */
export async function createThread(client: AcpApi, config: AcpConfig): Promise<string> {
  threadCounter += 1;
  const ms = Date.UTC(2026, 0, 1) + threadCounter * 1000 + Math.floor(Math.random() * 500);
  const date = new Date(ms).toISOString();
  const row: Row = { event: 'chat', date, sender_id: 'user-1', history: [{ author_id: 'user-1', content: 'agent thread', date }], acp_config: config };
  await client.call('chat.set', { path: CHAT_PATH, rows: [row] });
  return String(ms);
}

/** Sends a text prompt to a thread. */
export async function sendText(client: AcpApi, threadKey: string, text: string, extra: ContentBlock[] = []) {
  const userDate = new Date(Number(threadKey) + 1 + Math.floor(Math.random() * 400)).toISOString();
  return client.call('turn.send', { path: CHAT_PATH, threadKey, prompt: [{ type: 'text', text }, ...extra], userDate });
}

/**
 * A new thread of `agent` (full access unless `config` says otherwise) whose first turn sends
 * `scenario:NAME`, the keyword the scripted model servers reply to; watched from its first event.
 */
export async function startScenario(client: AcpApi, agent: string, name: string, config: Partial<AcpConfig> = { sessionMode: 'full-access' }) {
  const threadKey = await createThread(client, { agent, ...config });
  const { turnId } = await sendText(client, threadKey, `scenario:${name}`);
  return { threadKey, turnId, turn: watchTurn(client, turnId) };
}

/** Collects a turn's events from a subscription. */
export function watchTurn(client: AcpApi, turnId: string) {
  const events: TurnEvent[] = [];
  const stop = client.subscribeTurn(turnId, 0, (event) => events.push(event));
  const finalState = () => events.filter((event) => event.type === 'status').map((event) => (event as { state: string }).state).find((state) => FINAL.has(state));
  return {
    events,
    stop,
    finalState,
    /** Waits for the final status and returns it. */
    done: (deadlineMs = 60_000) => waitFor(`turn ${turnId} to end`, finalState, deadlineMs),
    waitFor: <T>(what: string, check: (events: TurnEvent[]) => T, deadlineMs = 60_000) => waitFor(what, () => check(events), deadlineMs),
  };
}

/** The agent rows of a thread (read through chat.open). */
export async function agentRows(client: AcpApi, threadKey: string): Promise<Row[]> {
  const { rows } = await client.call('chat.open', { path: CHAT_PATH });
  const rootDate = new Date(Number(threadKey)).toISOString();
  return rows.filter((row) => row.reply_to === rootDate && row.acp_turn).sort((a, b) => String(a.date).localeCompare(String(b.date)));
}

/** The session updates of a turn's events, by `sessionUpdate` kind. */
export function updatesOf(events: TurnEvent[], kind?: string): Array<Record<string, unknown>> {
  return events
    .filter((event) => event.type === 'update')
    .map((event) => (event as { update: Record<string, unknown> }).update)
    .filter((update) => !kind || update.sessionUpdate === kind);
}

/** The text of a row (history[0].content). */
export function rowText(row: Row | undefined): string {
  return String((row?.history as Array<{ content: string }> | undefined)?.[0]?.content ?? '');
}

/** Whether a process is alive (signal 0). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false; // ESRCH: gone
  }
}

/** Runs the demo's `pid` prompt on a thread and returns the agent's process id. */
export async function agentPid(client: AcpApi, threadKey: string): Promise<number> {
  const turn = watchTurn(client, (await sendText(client, threadKey, 'pid')).turnId);
  if ((await turn.done()) !== 'completed') throw new Error('the pid turn did not complete');
  const text = updatesOf(turn.events, 'agent_message_chunk').map((update) => (update.content as { text: string }).text).join('');
  const match = /process id is (\d+)/.exec(text);
  if (!match) throw new Error(`no pid in ${JSON.stringify(text)}`);
  return Number(match[1]);
}

export type TurnHub = Awaited<ReturnType<typeof startTurnHub>>;
export type { Hub };
