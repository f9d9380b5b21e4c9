// Shared by the hub's tests and the hub benchmark: temp folders, a real hub, real WebSocket clients.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createAcpApi, type AcpApi, type AcpApiOptions } from '../acp-api/index.js';
import { createNodeWebSocketTransport } from '../acp-api/node.js';
import { startHub, type Hub, type HubOptions } from './server.js';

/** A fresh workspace root and state dir under the OS temp dir; `remove()` deletes both. */
export async function makeTempDirs(): Promise<{ root: string; stateDir: string; remove(): Promise<void> }> {
  const base = await mkdtemp(path.join(os.tmpdir(), 'codex-chat-hub-'));
  const root = path.join(base, 'workspace');
  const stateDir = path.join(base, 'state');
  await mkdir(root);
  return { root, stateDir, remove: () => rm(base, { recursive: true, force: true }) };
}

/** Starts a hub on 127.0.0.1, port 0, in fresh temp dirs. */
export async function startTestHub(options: Partial<HubOptions> = {}): Promise<Hub & { dispose(): Promise<void> }> {
  const dirs = await makeTempDirs();
  const hub = await startHub({ root: dirs.root, stateDir: dirs.stateDir, appDir: path.join(dirs.root, 'no-app'), ...options });
  return {
    ...hub,
    async dispose() {
      await hub.close();
      await dirs.remove();
    },
  };
}

/** The WebSocket URL of a hub with its token (Node clients pass it as a query). */
export function hubSocketUrl(hub: { port: number; token: string }, extra = ''): string {
  return `ws://127.0.0.1:${hub.port}/api/ws?token=${hub.token}${extra}`;
}

/** A real acp-api client connected to `hub`. */
export function connectClient(hub: { port: number; token: string }, options: AcpApiOptions & { extraQuery?: string; headers?: Record<string, string> } = {}): AcpApi {
  const transport = createNodeWebSocketTransport(hubSocketUrl(hub, options.extraQuery), { headers: options.headers });
  return createAcpApi(transport, { backoff: { initialMs: 20, maxMs: 200 }, ...options });
}

/** Waits until `check` returns a truthy value, polling; fails with `what` after a generous deadline. */
export async function waitFor<T>(what: string, check: () => T | Promise<T>, deadlineMs = 20_000): Promise<NonNullable<T>> {
  const start = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() - start > deadlineMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
