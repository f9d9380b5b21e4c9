import type { TurnServiceDeps } from '../types.js';
import type { TurnRequest } from './types.js';

type HistoryEntry = { author_id: string; content: string; date: string };

/**
 * queue.edit writes the new text into the user's chat message too, so the chat shows what the agent
 * receives: a new history entry first (CoCalc's edit history: history[0] is the current text), by
 * the account that edited. A message row that is gone (deleted meanwhile) is left alone.
 */
export async function editQueuedMessage(deps: TurnServiceDeps, request: TurnRequest, text: string, accountId: string): Promise<void> {
  const db = await deps.documents.open(request.path);
  const row = db.get({ date: request.userDate, event: 'chat' }).find((candidate) => !candidate.acp_turn);
  if (!row) return;
  const history = Array.isArray(row.history) ? (row.history as HistoryEntry[]) : [];
  const entry: HistoryEntry = { author_id: accountId, content: text, date: new Date().toISOString() };
  db.set({ date: row.date, sender_id: row.sender_id, event: 'chat', history: [entry, ...history] });
  db.commit();
}
