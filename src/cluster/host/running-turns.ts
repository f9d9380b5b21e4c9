import type { TurnEventOrigin } from '../../hub/workspace-scope.js';
import type { TurnEvent } from '../../protocol/index.js';

const NOT_RUNNING = new Set(['queued', 'completed', 'cancelled', 'failed', 'interrupted']);

/** The turns running on a host now (for its heartbeat), followed from the status events of its turn logs. */
export function createRunningTurns() {
  /** Turn id -> its project. */
  const running = new Map<string, string>();
  return {
    observe(projectId: string, event: TurnEvent, origin: TurnEventOrigin): void {
      if (event.type !== 'status') return;
      if (NOT_RUNNING.has(event.state)) running.delete(origin.turnId);
      else running.set(origin.turnId, projectId);
    },
    /** A project's scope closed (moved away): its turns stopped without a last status here. */
    forgetProject(projectId: string): void {
      for (const [turnId, project] of [...running]) if (project === projectId) running.delete(turnId);
    },
    count: () => running.size,
  };
}
