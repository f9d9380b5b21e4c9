import type { AcpApi } from '../../src/acp-api/index.js';

/** The queue-as-a-plan actions of the session store; the hub answers every tab with `queue.change`. */
export type QueuePlanActions = {
  /** Moves a queued message to `toIndex` of its thread's queue (0 = next). */
  moveQueued(turnId: string, toIndex: number): Promise<boolean>;
  /** Replaces a queued message's text: what the agent will receive, and the chat message. */
  editQueued(turnId: string, text: string): Promise<boolean>;
  /** Interrupts the running turn and runs this queued message next. */
  sendQueuedNow(turnId: string): Promise<boolean>;
  /** Pauses the thread's queue after its running turn, or resumes it. */
  pauseQueue(path: string, threadKey: string, paused: boolean): Promise<boolean>;
};

/** The actions over `api`; a refusal goes to `fail` (the store's visible error) and resolves false. */
export function createQueuePlanActions(api: AcpApi | undefined, fail: (message: string) => void): QueuePlanActions {
  const run = async (what: string, call: (client: AcpApi) => Promise<unknown>): Promise<boolean> => {
    if (!api) throw new Error(`[session] ${what} needs an acp-api connection`);
    try {
      await call(api);
      return true;
    } catch (error) {
      fail(`Could not ${what}: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  };
  return {
    moveQueued: (turnId, toIndex) => run('move the queued message', (client) => client.call('queue.move', { turnId, toIndex })),
    editQueued: (turnId, text) => run('edit the queued message', (client) => client.call('queue.edit', { turnId, prompt: text })),
    sendQueuedNow: (turnId) => run('send the queued message now', (client) => client.call('queue.sendNow', { turnId })),
    pauseQueue: (path, threadKey, paused) => run(paused ? 'pause the queue' : 'resume the queue', (client) => client.call('queue.pause', { path, threadKey, paused })),
  };
}
