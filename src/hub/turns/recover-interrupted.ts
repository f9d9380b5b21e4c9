import type { TurnServiceDeps } from '../types.js';
import { rootDateOf } from './run-turn.js';
import type { TurnRequest } from './types.js';

const FINAL_STATES = new Set(['completed', 'cancelled', 'failed', 'interrupted']);

/**
 * At start-up: a log whose last status is not final belongs to a turn that was running (or
 * queued) when the hub died. A turn still queued whose prompt was saved (turnLogs.saveQueued) is
 * returned to be queued again, oldest first; any other gets an error and the final `interrupted`
 * status, and its agent row `generating: false`.
 */
export async function recoverInterrupted(deps: TurnServiceDeps): Promise<{ marked: string[]; queued: TurnRequest[] }> {
  const marked: string[] = [];
  const queued: Array<TurnRequest & { createdAt: string }> = [];
  for (const turnId of deps.turnLogs.list()) {
    // A turn that ended has its final status last: known from the log's tail, without reading it all.
    const last = deps.turnLogs.lastEvent(turnId);
    if (last?.type === 'status' && FINAL_STATES.has(last.state)) continue;
    const events = deps.turnLogs.read(turnId);
    const lastStatus = events.filter((event) => event.type === 'status').at(-1);
    if (lastStatus?.type === 'status' && FINAL_STATES.has(lastStatus.state)) continue;
    const meta = deps.turnLogs.meta(turnId);
    // No status at all: the hub died before the turn's first log line reached the disk (its meta
    // and saved prompt are written at once, when turn.send is answered): a turn accepted, not lost.
    if (!lastStatus && !meta) continue;
    const saved = !lastStatus || lastStatus.state === 'queued' ? deps.turnLogs.queuedRequest(turnId) : undefined;
    if (meta && saved) {
      queued.push({ turnId, path: meta.path, threadKey: meta.threadKey, accountId: meta.accountId ?? '', createdAt: meta.createdAt, ...saved });
      continue;
    }
    deps.turnLogs.append(turnId, { type: 'error', message: 'The hub stopped while this turn was running; the turn was interrupted.', code: 'interrupted', t: Date.now() });
    deps.turnLogs.append(turnId, { type: 'status', state: 'interrupted', t: Date.now() });
    deps.turnLogs.saveQueued(turnId, null);
    marked.push(turnId);
    if (!meta) continue;
    try {
      const db = await deps.documents.open(meta.path);
      const rootDate = rootDateOf(meta.threadKey);
      for (const row of db.get({ reply_to: rootDate, event: 'chat' })) {
        const turn = row.acp_turn as { id?: string } | undefined;
        if (turn?.id !== turnId) continue;
        db.set({ date: row.date, sender_id: row.sender_id, event: 'chat', generating: false, acp_turn: { ...turn, state: 'interrupted', endedAt: new Date().toISOString() } });
      }
      db.commit();
    } catch (error) {
      console.error(`[hub/turns] could not update the row of interrupted turn ${turnId}:`, error);
    }
  }
  await deps.turnLogs.flush();
  queued.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.turnId.localeCompare(b.turnId));
  return { marked, queued: queued.map(({ createdAt: _createdAt, ...request }) => request) };
}
