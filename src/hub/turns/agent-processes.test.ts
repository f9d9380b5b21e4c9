// Process lifetime with the demo agent: a killed agent's `sleep 60` ends, and when the hub itself is
// SIGKILLed (a separate `codex-chat` process) its agents and their commands end too. Checked in /proc.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, makeTempDirs } from '../hub-test-helpers.js';
import { descendantsOf, sleepsUnder, stillRunning } from './testing/process-table.js';
import { CHAT_PATH, agentPid, createThread, sendText, waitFor, watchTurn } from './testing/turn-test-helpers.js';
import { useTurnHubs } from './testing/use-turn-hubs.js';

const BIN = fileURLToPath(new URL('../../../bin/codex-chat.mjs', import.meta.url));

/** Starts `codex-chat` as its own process; resolves with its port and token once it prints its URL. */
async function startHubProcess(root: string, stateDir: string): Promise<{ child: ChildProcess; port: number; token: string }> {
  const child = spawn(process.execPath, [BIN, '--no-open', '--no-build', '--root', root, '--state-dir', stateDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const match = await waitFor('the hub to print its URL', () => /running at http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]+)/.exec(output), 60_000);
  return { child, port: Number(match[1]), token: match[2] };
}

describe('agent processes end with their agent and with the hub (demo agent, /proc)', () => {
  const hub = useTurnHubs();
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('when the agent is killed mid-command, the command it started (sleep 60) ends too', async () => {
    const { client } = await hub();
    const threadKey = await createThread(client, { agent: 'demo' });
    const pid = await agentPid(client, threadKey);
    const { turnId } = await sendText(client, threadKey, 'slow');
    const turn = watchTurn(client, turnId);
    const sleeps = await waitFor('the sleep to start', () => (sleepsUnder(pid).length > 0 ? sleepsUnder(pid) : undefined));
    process.kill(pid, 'SIGKILL');
    await waitFor('the killed agent\'s sleep to end', () => stillRunning(sleeps).length === 0, 10_000);
    // The agent had answered the prompt before it died: the turn fails, it is never re-sent (no second sleep).
    expect(await turn.done()).toBe('failed');
    expect(turn.events.some((event) => event.type === 'notice' && /starting it again/.test(event.message))).toBe(false);
  }, 120_000);

  it('when the hub is SIGKILLed mid-turn, no process it started survives: agent, command, supervisor', async () => {
    const dirs = await makeTempDirs();
    cleanups.push(dirs.remove);
    const started = await startHubProcess(dirs.root, dirs.stateDir);
    const hubPid = started.child.pid!;
    cleanups.push(() => void started.child.kill('SIGKILL'));
    const client = connectClient(started);
    cleanups.push(() => client.close());
    await client.call('chat.create', { path: CHAT_PATH });
    await client.call('chat.open', { path: CHAT_PATH });
    const threadKey = await createThread(client, { agent: 'demo' });
    await sendText(client, threadKey, 'slow');
    await waitFor('the sleep to start under the hub', () => sleepsUnder(hubPid).length > 0, 60_000);
    const tree = descendantsOf(hubPid);
    expect(tree.some((entry) => entry.command.includes('agent supervisor'))).toBe(true);
    started.child.kill('SIGKILL');
    await waitFor('every process of the killed hub to end', () => stillRunning(tree).length === 0, 10_000).catch(() => {
      throw new Error(`still running after the hub died: ${JSON.stringify(stillRunning(tree))}`);
    });
  }, 120_000);
});
