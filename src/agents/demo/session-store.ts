import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SessionUpdate } from '@agentclientprotocol/sdk';

/** What the demo agent keeps of a session so a fresh process can `session/load` it. */
export type DemoSession = {
  id: string;
  cwd: string;
  values: Record<string, string>;
  /** Writes the user allowed for the whole session ("allow always"). */
  alwaysAllowWrites: boolean;
  /** The session's updates, replayed on `session/load` (user and agent messages, tool calls). */
  history: SessionUpdate[];
  /** The session this one was forked from (ACP `session/fork`). */
  forkedFrom?: string;
};

// Session files live in the state dir the hub gives (CODEX_CHAT_DEMO_STATE), else in the
// workspace's .codex-chat folder, so a restarted agent finds its sessions again.
function sessionFolder(cwd: string): string {
  return process.env.CODEX_CHAT_DEMO_STATE ?? path.join(cwd, '.codex-chat', 'demo-sessions');
}

function sessionFile(cwd: string, id: string): string {
  if (!/^[A-Za-z0-9-]+$/.test(id)) throw new Error(`invalid session id: ${id}`);
  return path.join(sessionFolder(cwd), `${id}.json`);
}

/** Writes the session to disk (synchronously: small, and it must survive a kill right after). */
export function saveDemoSession(session: DemoSession): void {
  mkdirSync(sessionFolder(session.cwd), { recursive: true });
  writeFileSync(sessionFile(session.cwd, session.id), JSON.stringify(session));
}

/** Reads a saved session, or undefined when there is none. */
export function loadDemoSession(cwd: string, id: string): DemoSession | undefined {
  try {
    return JSON.parse(readFileSync(sessionFile(cwd, id), 'utf8')) as DemoSession;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
