import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseChatFile } from '../syncdb/index.js';
import { connectClient, makeTempDirs, waitFor } from './hub-test-helpers.js';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/codex-chat.mjs');

/** Starts `codex-chat` as a child process and resolves with its port and token once it prints its URL. */
async function startHubProcess(root: string, stateDir: string): Promise<{ child: ChildProcess; port: number; token: string }> {
  const child = spawn(process.execPath, [BIN, '--no-open', '--no-build', '--root', root, '--state-dir', stateDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const match = await waitFor('the hub to print its URL', () => /running at http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]+)/.exec(output), 60_000);
  return { child, port: Number(match[1]), token: match[2] };
}

describe('chat persistence across kill -9', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('loads cleanly after SIGKILL mid-burst and holds every write acknowledged well before the kill', async () => {
    const dirs = await makeTempDirs();
    cleanups.push(dirs.remove);
    const first = await startHubProcess(dirs.root, dirs.stateDir);
    cleanups.push(() => void first.child.kill('SIGKILL'));
    const client = connectClient(first);
    cleanups.push(() => client.close());
    await client.call('chat.create', { path: 'burst.chat' });
    const acknowledged: Array<{ index: number; at: number }> = [];
    let stop = false;
    const burst = (async () => {
      for (let index = 0; !stop; index += 1) {
        const row = {
          event: 'chat',
          date: new Date(Date.UTC(2025, 0, 1) + index).toISOString(),
          sender_id: 'writer',
          // Large rows make each save take real time, so the kill lands in the middle of one.
          history: [{ author_id: 'writer', content: `write ${index} ${'x'.repeat(2_000)}`, date: '2025-01-01T00:00:00.000Z' }],
        };
        try {
          await client.call('chat.set', { path: 'burst.chat', rows: [row] });
          acknowledged.push({ index, at: Date.now() });
        } catch {
          return; // the hub was killed
        }
      }
    })();
    await waitFor('writes for over 2.5 s', () => acknowledged.length > 0 && Date.now() - acknowledged[0].at > 2_500, 60_000);
    const killedAt = Date.now();
    first.child.kill('SIGKILL');
    stop = true;
    await burst;
    client.close();
    await waitFor('the hub process to exit', () => first.child.exitCode !== null || first.child.signalCode !== null);

    const text = await readFile(path.join(dirs.root, 'burst.chat'), 'utf8');
    const parsed = parseChatFile(text);
    expect(parsed.problems).toEqual([]);
    const stored = new Set(parsed.rows.map((row) => Number(String((row.history as Array<{ content: string }>)[0].content).split(' ')[1])));
    const mustHave = acknowledged.filter((write) => write.at < killedAt - 1_500);
    expect(mustHave.length).toBeGreaterThan(0);
    expect(mustHave.filter((write) => !stored.has(write.index))).toEqual([]);

    const second = await startHubProcess(dirs.root, dirs.stateDir);
    cleanups.push(() => void second.child.kill('SIGKILL'));
    const again = connectClient(second);
    cleanups.push(() => again.close());
    const reopened = await again.call('chat.open', { path: 'burst.chat' });
    expect(reopened.rows.length).toBe(parsed.rows.length);
  });
});
