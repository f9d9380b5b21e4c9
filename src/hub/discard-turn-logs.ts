import type { ChatDocuments, TurnLogStore } from './types.js';

const FINAL_STATES = new Set(['completed', 'cancelled', 'failed', 'interrupted']);

/**
 * True while a turn may still append to its log: its last status is not final (queued, starting,
 * running, awaiting-permission, stopping). A log without any status never ran and is not running:
 * the same rule recoverInterrupted uses at start-up.
 */
export function isTurnLogRunning(turnLogs: TurnLogStore, turnId: string): boolean {
  const last = turnLogs.lastEvent(turnId);
  if (last?.type === 'status') return !FINAL_STATES.has(last.state);
  if (last === undefined) return false;
  const lastStatus = turnLogs.read(turnId).filter((event) => event.type === 'status').at(-1);
  return lastStatus?.type === 'status' && !FINAL_STATES.has(lastStatus.state);
}

/** True for a turn whose events were deleted while its chat row stayed (see `discardTurnLogs`). */
export function isTurnLogDiscarded(turnLogs: TurnLogStore, turnId: string): boolean {
  return turnLogs.meta(turnId)?.logDeletedAt !== undefined;
}

/**
 * Deletes the events of ended turns of one chat file. A turn whose agent row is still in the chat
 * gets `acp_turn.logDeleted: true` on that row (the answer text stays) and keeps a tombstone meta,
 * so every tab and every reload shows "Activity log deleted"; a turn whose row is gone (its thread
 * was deleted) is removed entirely. The caller checks that none of them is running.
 */
export async function discardTurnLogs(deps: { turnLogs: TurnLogStore; documents: ChatDocuments }, chatPath: string | null, turnIds: readonly string[]): Promise<void> {
  if (turnIds.length === 0) return;
  const withRow = chatPath === null ? new Set<string>() : await markRows(deps.documents, chatPath, new Set(turnIds));
  const deletedAt = new Date().toISOString();
  for (const turnId of turnIds) {
    if (withRow.has(turnId)) deps.turnLogs.discard(turnId, deletedAt);
    else deps.turnLogs.delete(turnId);
  }
}

/** Sets `acp_turn.logDeleted` on the agent rows of these turns; returns the turn ids that have a row. */
async function markRows(documents: ChatDocuments, chatPath: string, wanted: ReadonlySet<string>): Promise<Set<string>> {
  const withRow = new Set<string>();
  try {
    const db = await documents.open(chatPath);
    for (const row of db.get({ event: 'chat' })) {
      const turn = row.acp_turn as { id?: unknown } | undefined;
      if (typeof turn?.id !== 'string' || !wanted.has(turn.id)) continue;
      withRow.add(turn.id);
      db.set({ date: row.date, sender_id: row.sender_id, event: 'chat', acp_turn: { ...turn, logDeleted: true } });
    }
    db.commit();
  } catch (error) {
    // The logs are still deleted (that is what was asked); the rows then show an empty turn with their text.
    console.error(`[hub] could not mark the rows of deleted turn logs in ${chatPath}:`, (error as Error).message);
  }
  return withRow;
}
