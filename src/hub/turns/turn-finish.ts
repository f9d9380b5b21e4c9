import { isAgentError } from './agent-errors.js';
import { redactSecret } from './redact-secret.js';
import type { TurnContext } from './turn-context.js';
import type { RunningTurn, ThreadState } from './types.js';

/** Step 5 of a turn: the final status in the log and on the row. */
export function endTurn(context: TurnContext, running: RunningTurn, thread: ThreadState, state: 'completed' | 'cancelled' | 'failed', extra: { stopReason?: string; error?: string }): void {
  running.broker.cancelAll('hub');
  if (thread.closed) return;
  context.log.status(state);
  context.row.finish({ ...context.acpTurn, state, endedAt: new Date().toISOString(), ...extra });
}

/** Step 5 of a turn that threw: cancelled when interrupted, else failed with the reason (and the agent's stderr tail when it died). */
export function failTurn(context: TurnContext, running: RunningTurn, thread: ThreadState, error: unknown): void {
  const { log, row } = context;
  if (thread.closed) return row.discardPending();
  row.flush();
  if (running.interruptRequested) {
    log.event({ type: 'result', stopReason: 'cancelled', ...(running.killed ? { killed: true } : {}), t: Date.now() });
    endTurn(context, running, thread, 'cancelled', { stopReason: 'cancelled' });
  } else {
    const stderr = isAgentError(error, 'agent-exited') ? error.stderrTail : (thread.agent?.process.stderrTail() ?? '');
    const message = redactSecret(`${(error as Error).message}${stderr ? `\n--- agent stderr (tail) ---\n${stderr}` : ''}`, log.secret());
    log.event({ type: 'error', message, t: Date.now() });
    endTurn(context, running, thread, 'failed', { error: message });
  }
  if (thread.agent?.process.hasExited()) thread.agent = undefined;
}
