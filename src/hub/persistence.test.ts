import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Row } from '../protocol/index.js';
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

/** How many writes must be on disk before the hub is killed. */
const SAVED_BEFORE_KILL = 1_000;

/** The burst's write numbers held by rows. */
function writeIndexes(rows: Row[]): Set<number> {
  return new Set(rows.map((row) => Number(String((row.history as Array<{ content: string }>)[0].content).split(' ')[1])));
}

describe('chat persistence across kill -9', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('loads cleanly after SIGKILL mid-burst and keeps every write that had reached disk before the kill', async () => {
    const dirs = await makeTempDirs();
    cleanups.push(dirs.remove);
    const first = await startHubProcess(dirs.root, dirs.stateDir);
    cleanups.push(() => void first.child.kill('SIGKILL'));
    const client = connectClient(first);
    cleanups.push(() => client.close());
    await client.call('chat.create', { path: 'burst.chat' });
    const file = path.join(dirs.root, 'burst.chat');
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
        } catch {
          return; // the hub was killed
        }
      }
    })();
    // What the hub had saved while the burst went on (no clock involved): the kill must lose none of it.
    const savedText = await waitFor('the hub to have saved 1,000 writes', async () => {
      const text = await readFile(file, 'utf8');
      return text.split('\n').length > SAVED_BEFORE_KILL ? text : undefined;
    }, 60_000);
    first.child.kill('SIGKILL');
    stop = true;
    await burst;
    client.close();
    await waitFor('the hub process to exit', () => first.child.exitCode !== null || first.child.signalCode !== null);

    const parsed = parseChatFile(await readFile(file, 'utf8'));
    expect(parsed.problems).toEqual([]);
    const stored = writeIndexes(parsed.rows);
    const savedBeforeKill = [...writeIndexes(parseChatFile(savedText).rows)];
    expect(savedBeforeKill.length).toBeGreaterThanOrEqual(SAVED_BEFORE_KILL);
    expect(savedBeforeKill.filter((index) => !stored.has(index))).toEqual([]);

    const second = await startHubProcess(dirs.root, dirs.stateDir);
    cleanups.push(() => void second.child.kill('SIGKILL'));
    const again = connectClient(second);
    cleanups.push(() => again.close());
    const reopened = await again.call('chat.open', { path: 'burst.chat' });
    expect(reopened.rows.length).toBe(parsed.rows.length);
  });
});
