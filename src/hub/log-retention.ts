import type { HubSettings } from '../protocol/index.js';
import { discardTurnLogs, isTurnLogDiscarded, isTurnLogRunning } from './discard-turn-logs.js';
import type { ChatDocuments, TurnLogStore } from './types.js';

const DAY_MS = 24 * 60 * 60_000;

/** What retention works on: the logs, the chat documents (to mark rows) and the current settings. */
export type LogRetentionDeps = { turnLogs: TurnLogStore; documents: ChatDocuments; settings: () => HubSettings };

/**
 * Deletes the logs of turns that ended more than `days` ago: their age is the time of their last
 * event (the final status). Running turns and already deleted logs are left alone. Returns how many
 * logs were deleted.
 */
export async function applyLogRetention(deps: Omit<LogRetentionDeps, 'settings'>, days: number, now = Date.now()): Promise<number> {
  const cutoff = now - days * DAY_MS;
  const byChat = new Map<string | null, string[]>();
  for (const turnId of deps.turnLogs.list()) {
    if (isTurnLogDiscarded(deps.turnLogs, turnId) || isTurnLogRunning(deps.turnLogs, turnId)) continue;
    const last = deps.turnLogs.lastEvent(turnId);
    if (last === undefined || last.t >= cutoff) continue;
    // A log without a meta has no chat to mark (null): it is removed entirely.
    const chatPath = deps.turnLogs.meta(turnId)?.path ?? null;
    byChat.set(chatPath, [...(byChat.get(chatPath) ?? []), turnId]);
  }
  let deleted = 0;
  for (const [chatPath, turnIds] of byChat) {
    await discardTurnLogs(deps, chatPath, turnIds);
    deleted += turnIds.length;
  }
  return deleted;
}

/**
 * Applies the admin's retention (`log_retention_days`) now and then every day, reading the setting
 * each time; off when it is null or absent. The timer does not keep the process alive. `stop()` ends it.
 */
export function startLogRetention(deps: LogRetentionDeps, intervalMs = DAY_MS): { stop(): void; done: Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const apply = () => {
    const days = deps.settings().log_retention_days;
    if (days === null || days === undefined) return;
    running = running
      .then(() => applyLogRetention(deps, days))
      .then((deleted) => {
        if (deleted > 0) console.log(`[hub] log retention: deleted ${deleted} activity log(s) older than ${days} day(s)`);
      })
      .catch((error: unknown) => console.error('[hub] log retention failed:', error));
  };
  apply();
  const timer = setInterval(apply, intervalMs);
  timer.unref();
  return {
    stop: () => clearInterval(timer),
    get done() {
      return running;
    },
  };
}
