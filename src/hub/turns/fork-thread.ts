import { AcpApiError } from '../../acp-api/index.js';
import type { SyncDB } from '../../syncdb/index.js';
import type { TurnServiceDeps } from '../types.js';
import { rootDateOf } from './run-turn.js';

function transcript(db: SyncDB, rootDate: string): string {
  const rows = db.get({ reply_to: rootDate, event: 'chat' }).sort((a, b) => String(a.date).localeCompare(String(b.date)));
  return rows
    .map((row) => `${String(row.sender_id)}: ${String((row.history as Array<{ content?: string }> | undefined)?.[0]?.content ?? '')}`)
    .join('\n\n');
}

/**
 * session.fork: a new thread whose root copies the config and carries the old thread's transcript
 * as its text, linked by `acp_config.forkedFrom`. Its first turn forks the old agent session
 * (`forkSessionId`, ACP `session/fork`) when the agent offers that; otherwise it starts a new
 * session primed with the transcript (see run-turn.ts).
 */
export async function forkThread(deps: TurnServiceDeps, path: string, threadKey: string, accountId: string): Promise<{ threadKey: string }> {
  const db = await deps.documents.open(path);
  const rootDate = rootDateOf(threadKey);
  const root = db.get({ date: rootDate, event: 'chat' }).find((row) => !row.reply_to);
  if (!root?.acp_config) throw AcpApiError.notFound(`session.fork: thread ${threadKey} is not an agent thread`);
  let ms = Date.now();
  while (db.get({ date: new Date(ms).toISOString(), event: 'chat' }).length > 0) ms += 1;
  const date = new Date(ms).toISOString();
  const source = root.acp_config as Record<string, unknown>;
  const config = { ...source, sessionId: '', forkedFrom: threadKey, forkSessionId: typeof source.sessionId === 'string' ? source.sessionId : '' };
  const name = `${String(root.name ?? 'Thread')} (fork)`;
  const content = `Forked from thread ${threadKey}.\n\n${transcript(db, rootDate)}`;
  db.set({ date, sender_id: accountId, event: 'chat', name, history: [{ author_id: accountId, content, date }], acp_config: config, schema_version: 1 });
  db.commit();
  return { threadKey: String(ms) };
}
