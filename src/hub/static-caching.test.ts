import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub } from './hub-test-helpers.js';

type TestHub = Awaited<ReturnType<typeof startTestHub>>;

describe('static app caching', () => {
  let hub: TestHub;
  let get: (target: string, headers?: Record<string, string>) => Promise<Response>;
  beforeAll(async () => {
    hub = await startTestHub();
    const appDir = path.join(hub.root, 'no-app');
    await mkdir(path.join(appDir, 'assets'), { recursive: true });
    await writeFile(path.join(appDir, 'index.html'), '<!doctype html><title>app</title>');
    await writeFile(path.join(appDir, 'assets', 'index-B1x2y3z4.js'), 'console.log(1)');
    await writeFile(path.join(appDir, 'assets', 'index-B1x2y3z4.css'), 'body{}');
    await writeFile(path.join(appDir, 'favicon.svg'), '<svg/>');
    const cookie = `codex_chat_token_${hub.port}=${hub.token}`;
    get = (target, headers = {}) => fetch(`http://127.0.0.1:${hub.port}${target}`, { headers: { Cookie: cookie, ...headers } });
  });
  afterAll(async () => hub?.dispose());

  it('caches hashed assets for a year, immutable', async () => {
    for (const asset of ['/assets/index-B1x2y3z4.js', '/assets/index-B1x2y3z4.css']) {
      const response = await get(asset);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
  });

  it('revalidates the HTML (and unhashed files) by ETag: no-cache, then 304 on If-None-Match', async () => {
    for (const target of ['/', '/some/app/route', '/index.html', '/favicon.svg']) {
      const first = await get(target);
      expect(first.status, target).toBe(200);
      expect(first.headers.get('cache-control'), target).toBe('no-cache');
      const etag = first.headers.get('etag');
      expect(etag, target).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
      const again = await get(target, { 'If-None-Match': etag as string });
      expect(again.status, target).toBe(304);
      expect(await again.text()).toBe('');
      expect((await get(target, { 'If-None-Match': '"other"' })).status, target).toBe(200);
    }
  });

  it('serves a new ETag once the HTML changes', async () => {
    const before = (await get('/')).headers.get('etag') as string;
    await writeFile(path.join(hub.root, 'no-app', 'index.html'), '<!doctype html><title>app, rebuilt</title>');
    const after = await get('/', { 'If-None-Match': before });
    expect(after.status).toBe(200);
    expect(await after.text()).toContain('rebuilt');
  });
});
