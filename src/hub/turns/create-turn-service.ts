import { randomUUID } from 'node:crypto';
import { AcpApiError } from '../../acp-api/index.js';
import { ACP_API_ERROR_CODES, type QueuedTurn } from '../../protocol/index.js';
import { checkParams } from '../method-params.js';
import type { TurnService, TurnServiceDeps } from '../types.js';
import { AgentPool, DEFAULT_AGENT_IDLE_MS, DEFAULT_MAX_LIVE_AGENTS } from './agent-pool.js';
import { AgentsService } from './agents-service.js';
import { createElicitationMethods } from './elicitation-methods.js';
import { forkThread } from './fork-thread.js';
import { createQueueMethods } from './queue-methods.js';
import { recoverInterrupted } from './recover-interrupted.js';
import { setSessionOption } from './set-session-option.js';
import { AuthenticateParams, chatPath, NoParams, PathParams, RespondParams, SendParams, SetOptionParams, ThreadParams, TurnIdParams } from './turn-method-params.js';
import { TurnQueues } from './turn-queue.js';
import type { ThreadState } from './types.js';

function notFound(what: string): AcpApiError {
  return new AcpApiError(ACP_API_ERROR_CODES.notFound, what);
}

/** The turn runner and agents, as the hub mounts them (issue 4). Every method's params are checked first. */
export function createTurnService(deps: TurnServiceDeps): TurnService {
  const agents = deps.agents ?? new AgentsService(deps);
  const limits = { idleMs: deps.agentLimits?.idleMs ?? DEFAULT_AGENT_IDLE_MS, maxLive: deps.agentLimits?.maxLive ?? DEFAULT_MAX_LIVE_AGENTS };
  const threads = new Map<string, ThreadState>();
  const pool = new AgentPool(limits, () => threads.values());
  const turnQueues = new TurnQueues(deps, agents, pool, threads);
  let shutDown = false;
  return {
    handlers: {
      ...createQueueMethods(deps, turnQueues),
      ...createElicitationMethods(deps.notifyAccount),
      'turn.send': async (params, context) => {
        const request = checkParams('turn.send', SendParams, params);
        const path = chatPath(deps.root, request.path);
        await deps.documents.open(path); // refuses a missing chat file now, not when the turn starts
        const turnId = `turn-${Date.now().toString(36)}-${randomUUID().slice(0, 8)}`;
        const position = turnQueues.enqueue({ turnId, path, threadKey: request.threadKey, prompt: request.prompt as never, userDate: request.userDate, accountId: context.accountId });
        return { turnId, position };
      },
      'turn.cancelQueued': async (params, context) => ({ cancelled: turnQueues.cancelQueued(checkParams('turn.cancelQueued', TurnIdParams, params).turnId, context.accountId) }),
      'turn.interrupt': async (params, context) => {
        const { turnId } = checkParams('turn.interrupt', TurnIdParams, params);
        if (!turnQueues.interrupt(turnId, context.accountId)) throw notFound(`turn ${turnId} is not queued or running`);
        return {};
      },
      'queue.get': async (params) => {
        const path = chatPath(deps.root, checkParams('queue.get', PathParams, params).path);
        const byThread: Record<string, QueuedTurn[]> = {};
        const paused: string[] = [];
        for (const thread of turnQueues.threads.values()) {
          if (thread.path !== path) continue;
          if (thread.queue.length > 0) byThread[thread.threadKey] = turnQueues.queued(thread);
          if (thread.paused) paused.push(thread.threadKey);
        }
        return { queues: byThread, paused };
      },
      'permission.respond': async (params, context) => {
        const { turnId, requestId, optionId } = checkParams('permission.respond', RespondParams, params);
        const thread = turnQueues.runningThreadOf(turnId);
        if (!thread?.running?.broker.respond(requestId, optionId, context.accountId)) {
          throw notFound(`no pending permission ${requestId} with option ${optionId} in turn ${turnId}`);
        }
        return {};
      },
      'session.setOption': async (params) => {
        const change = checkParams('session.setOption', SetOptionParams, params);
        return setSessionOption(deps, turnQueues, agents, { ...change, path: chatPath(deps.root, change.path) });
      },
      'session.fork': async (params, context) => {
        const { path, threadKey } = checkParams('session.fork', ThreadParams, params);
        return forkThread(deps, chatPath(deps.root, path), threadKey, context.accountId);
      },
      'agents.list': async (params) => {
        checkParams('agents.list', NoParams, params);
        return { agents: agents.list() };
      },
      'agents.authenticate': async (params) => {
        const { agent, methodId, apiKey } = checkParams('agents.authenticate', AuthenticateParams, params);
        return agents.authenticate(agent, methodId, apiKey);
      },
    },
    recoverInterrupted: async () => {
      const { queued } = await recoverInterrupted(deps);
      // After a shutdown (a project moved to another host) the queued turns are left for the next hub.
      if (!shutDown) for (const request of queued) turnQueues.requeue(request);
    },
    agentsForCustomize: () => agents.forCustomize(),
    shutdown: async () => {
      shutDown = true;
      pool.dispose();
      for (const thread of turnQueues.threads.values()) {
        thread.closed = true;
        thread.agent?.process.kill();
      }
      await deps.turnLogs.flush();
    },
  };
}
