import type { RequestPermissionRequest, SessionNotification } from '@agentclientprotocol/sdk';
import type { TurnServiceDeps } from '../types.js';
import type { AgentPool } from './agent-pool.js';
import type { AgentsService } from './agents-service.js';
import { isAgentError } from './agent-errors.js';
import { PermissionBroker } from './permission-broker.js';
import { ensureThreadAgent } from './turn-agent.js';
import { openTurnContext } from './turn-context.js';
import { endTurn, failTurn } from './turn-finish.js';
import { elicitationBrokerFor } from './elicitation-broker.js';
import { signInToSiteGateway } from './gateway-sign-in.js';
import { threadElicitationHandlers } from './thread-elicitations.js';
import { promptTurn } from './turn-prompt.js';
import { openTurnSession } from './turn-session.js';
import type { RunningTurn, ThreadState, TurnRequest } from './types.js';
import { signInWithUrl } from './url-sign-in.js';

export { rootDateOf } from './turn-context.js';

const KILL_AFTER_CANCEL_MS = 3_000;

/** Routes a thread's agent traffic to its running turn (URL elicitations: to the account that started it). */
export function threadHandlers(thread: ThreadState, notifyAccount: TurnServiceDeps['notifyAccount']) {
  return {
    ...threadElicitationHandlers(thread, notifyAccount),
    onUpdate(notification: SessionNotification) {
      const running = thread.running;
      if (!running?.onUpdate || running.sessionId !== notification.sessionId) return;
      // Once the agent has answered this prompt, its death is the turn's failure, never a reason to re-send the prompt.
      running.heardFromAgent = true;
      running.onUpdate(notification.update);
    },
    onPermission(request: RequestPermissionRequest, signal: AbortSignal) {
      const running = thread.running;
      if (!running?.onPermission) return Promise.resolve({ outcome: { outcome: 'cancelled' as const } });
      running.heardFromAgent = true;
      return running.onPermission(request, signal);
    },
  };
}

/**
 * Runs one turn from start to its final status, in five steps: lease the document and read the
 * config (turn-context.ts), get the agent (turn-agent.ts), open the session (turn-session.ts),
 * prompt and stream (turn-prompt.ts), finish (turn-finish.ts). Never throws: failures end the turn as failed.
 */
export async function runTurn(deps: TurnServiceDeps, thread: ThreadState, request: TurnRequest, agents: AgentsService, pool: AgentPool): Promise<void> {
  const running: RunningTurn = { request, broker: new PermissionBroker(), interruptRequested: false };
  thread.running = running;
  const context = await openTurnContext(deps, thread, request);
  if (!context) {
    thread.running = undefined;
    return;
  }
  let reusedSession = false;
  const attempt = async () => {
    const { agent, definition, cwd } = await ensureThreadAgent(deps, thread, context, { agents, pool, handlers: threadHandlers(thread, deps.notifyAccount) });
    await signInToSiteGateway(deps, agents, agent, request.accountId, context.log);
    const session = await openTurnSession(context, agent, definition, cwd, agents, () => signInWithUrl(deps, running, agent, definition.label, context.log));
    reusedSession = session.how === 'reuse';
    return { stopReason: await promptTurn(deps, context, running, agent, definition, session) };
  };
  try {
    let stopReason: string;
    try {
      ({ stopReason } = await attempt());
    } catch (error) {
      // The thread's idle agent had died (its exit not yet seen) and took the prompt with it: start a new one once.
      if (!isAgentError(error, 'agent-exited') || running.heardFromAgent || running.interruptRequested || !reusedSession) throw error;
      context.log.notice(`The thread's agent process had ended (${error.message}); starting it again and loading the session.`, 'info');
      reusedSession = false;
      thread.agent = undefined;
      // Until the new prompt is sent, updates (a session/load replay) are not this turn's.
      running.sessionId = running.onUpdate = running.onPermission = undefined;
      ({ stopReason } = await attempt());
    }
    context.row.flush();
    endTurn(context, running, thread, stopReason === 'cancelled' ? 'cancelled' : 'completed', { stopReason });
  } catch (error) {
    failTurn(context, running, thread, error);
  } finally {
    thread.running = undefined;
    elicitationBrokerFor(deps.notifyAccount).finishTurn(request.turnId);
    context.release();
  }
}

/**
 * turn.interrupt of a running turn: session/cancel, and kill the process group if it does not stop.
 * `accountId`: who asked (turn.interrupt, queue.sendNow), recorded on the `stopping` status as `by`.
 */
export function interruptTurn(deps: TurnServiceDeps, thread: ThreadState, accountId?: string): void {
  const running = thread.running;
  if (!running || running.interruptRequested) return;
  running.interruptRequested = true;
  deps.turnLogs.append(running.request.turnId, { type: 'status', state: 'stopping', ...(accountId ? { by: accountId } : {}), t: Date.now() });
  running.broker.cancelAll('interrupt');
  running.signIn?.abort.abort();
  const agent = thread.agent;
  if (!agent || !running.sessionId) return;
  void agent.connection.cancel(running.sessionId).catch((error: unknown) => console.error('[hub/turns] session/cancel failed:', error));
  const timer = setTimeout(() => {
    if (thread.running === running) {
      running.killed = true;
      deps.turnLogs.append(running.request.turnId, { type: 'notice', level: 'warning', message: `The agent did not stop within ${KILL_AFTER_CANCEL_MS / 1000} s; its process was killed.`, t: Date.now() });
      agent.process.kill();
    }
  }, KILL_AFTER_CANCEL_MS);
  timer.unref();
}
