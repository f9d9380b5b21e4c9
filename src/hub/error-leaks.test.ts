import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACP_API_ERROR_CODES } from '../protocol/index.js';
import { createErrorScrubber } from './error-scrub.js';
import { startTestHub } from './hub-test-helpers.js';
import { rawSocket } from './raw-client-helpers.js';

type TestHub = Awaited<ReturnType<typeof startTestHub>>;

describe('errors sent to clients: clear, bounded, without host paths', () => {
  let hub: TestHub;
  let client: Awaited<ReturnType<typeof rawSocket>>;
  let id = 0;
  const ask = async (method: string, params: unknown) => client.answerTo(JSON.stringify({ jsonrpc: '2.0', id: ++id, method, params }));
  const errorOf = async (method: string, params: unknown) => (await ask(method, params)).error as { code: number; message: string };

  beforeAll(async () => {
    hub = await startTestHub();
    client = await rawSocket(hub);
    await writeFile(path.join(hub.root, 'plain.chat'), '');
    await mkdir(path.join(hub.root, 'folder.chat'));
  });
  afterAll(async () => {
    client?.close();
    await hub?.dispose();
  });

  it('refuses a very long path or segment with -32602 naming the limit (was: -32603 ENAMETOOLONG with the absolute path)', async () => {
    for (const method of ['chat.open', 'chat.create', 'chat.set']) {
      const long = await errorOf(method, { path: `${'x'.repeat(5_000)}.chat`, rows: [] });
      expect(long, method).toMatchObject({ code: ACP_API_ERROR_CODES.invalidParams, message: expect.stringMatching(/the limit is 1024/) });
      const segment = await errorOf(method, { path: `a/${'y'.repeat(300)}.chat`, rows: [] });
      expect(segment, method).toMatchObject({ code: ACP_API_ERROR_CODES.invalidParams, message: expect.stringMatching(/the limit is 255 per file or folder name/) });
      expect(long.message.length).toBeLessThan(400);
    }
  });

  it('refuses a deeply nested row with -32602 (was: "Maximum call stack size exceeded")', async () => {
    const frame = `{"jsonrpc":"2.0","id":"deep","method":"chat.set","params":{"path":"plain.chat","rows":[${'['.repeat(50_000)}${']'.repeat(50_000)}]}}`;
    const answer = await client.answerTo(frame);
    expect(answer.error).toMatchObject({ code: ACP_API_ERROR_CODES.invalidParams, message: expect.stringMatching(/nested more than \d+ levels deep/) });
    expect(JSON.stringify(answer)).not.toMatch(/call stack/i);
  });

  it('sends no absolute host path in any error, even of file-system failures inside the hub', async () => {
    const requests: Array<[string, unknown]> = [
      ['chat.open', { path: `${'x'.repeat(5_000)}.chat` }],
      ['chat.open', { path: `${'x/'.repeat(1_000)}y.chat` }],
      ['chat.open', { path: 'missing.chat' }],
      ['chat.open', { path: 'folder.chat' }],
      ['chat.open', { path: 'plain.chat/inner.chat' }],
      ['chat.create', { path: 'plain.chat/inner.chat' }],
      ['chat.create', { path: 'plain.chat' }],
      ['chat.create', { path: 'folder.chat' }],
      ['chat.open', { path: path.join(hub.root, 'plain.chat') }],
      ['chat.open', { path: '../outside.chat' }],
      ['chat.set', { path: 'nope.chat', rows: [] }],
      ['chat.delete', { path: 'plain.chat/x.chat', keys: [] }],
      ['files.list', { query: 'x'.repeat(2_000) }],
      ['settings.set', { settings: { nope: true } }],
    ];
    const hostPaths = [hub.root, hub.stateDir, os.tmpdir() + '/codex-chat-hub-', os.homedir()].filter((hostPath) => hostPath.length > 1);
    for (const [method, params] of requests) {
      const error = await errorOf(method, params);
      expect(error, `${method} ${JSON.stringify(params)}`).toBeDefined();
      const text = JSON.stringify(error);
      // The client's own absolute input may be quoted back; nothing else of the host may be.
      const withoutEcho = text.replaceAll(JSON.stringify(path.join(hub.root, 'plain.chat')).slice(1, -1), '');
      for (const hostPath of hostPaths) expect(withoutEcho, `${method}: ${text}`).not.toContain(hostPath);
    }
  });

  it('scrubs the workspace (to relative paths), the state dir, the home dir and, in internal errors, any absolute path', () => {
    const scrub = createErrorScrubber({ root: '/srv/work', stateDir: '/srv/state' });
    expect(scrub("EACCES: open '/srv/work/a/b.chat' in /srv/work")).toBe("EACCES: open 'a/b.chat' in <workspace>");
    expect(scrub('log /srv/state/logs/t1.jsonl, not /srv/workshop')).toBe('log <hub state>/logs/t1.jsonl, not /srv/workshop');
    expect(scrub(`${os.homedir()}/x`)).toBe('~/x');
    expect(scrub("lstat '/usr/lib/x/y.js'", { internal: true })).toBe("lstat '<path>'");
  });
});
