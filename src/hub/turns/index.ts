import { randomUUID } from 'node:crypto';
import { AcpApiError } from '../../acp-api/index.js';
import { ACP_API_ERROR_CODES, type QueuedTurn } from '../../protocol/index.js';
import type { TurnService, TurnServiceDeps } from '../types.js';
import { AgentsService } from './agents-service.js';
import { forkThread } from './fork-thread.js';
import { recoverInterrupted } from './recover-interrupted.js';
import { rootDateOf } from './run-turn.js';
import { TurnQueues } from './turn-queue.js';

function notFound(what: string): AcpApiError {
  return new AcpApiError(ACP_API_ERROR_CODES.notFound, what);
}

/** The turn runner and agents, as the hub mounts them (issue 4). */
export function createTurnService(deps: TurnServiceDeps): TurnService {
  const agents = new AgentsService(deps);
  const queues = new TurnQueues(deps, agents);
  return {
    handlers: {
      'turn.send': async (params, context) => {
        if (!Array.isArray(params.prompt) || params.prompt.length === 0) throw new AcpApiError(ACP_API_ERROR_CODES.invalidParams, 'turn.send needs a non-empty prompt');
        const turnId = `turn-${Date.now().toString(36)}-${randomUUID().slice(0, 8)}`;
        const position = queues.enqueue({ turnId, path: params.path, threadKey: params.threadKey, prompt: params.prompt, userDate: params.userDate, accountId: context.accountId });
        return { turnId, position };
      },
      'turn.cancelQueued': async (params) => ({ cancelled: queues.cancelQueued(params.turnId) }),
      'turn.interrupt': async (params) => {
        if (!queues.interrupt(params.turnId)) throw notFound(`turn ${params.turnId} is not queued or running`);
        return {};
      },
      'queue.get': async (params) => {
        const byThread: Record<string, QueuedTurn[]> = {};
        for (const thread of queues.threads.values()) if (thread.path === params.path && thread.queue.length > 0) byThread[thread.threadKey] = queues.queued(thread);
        return { queues: byThread };
      },
      'permission.respond': async (params, context) => {
        const thread = queues.runningThreadOf(params.turnId);
        if (!thread?.running?.broker.respond(params.requestId, params.optionId, context.accountId)) {
          throw notFound(`no pending permission ${params.requestId} with option ${params.optionId} in turn ${params.turnId}`);
        }
        return {};
      },
      'session.setOption': async (params) => {
        const db = await deps.documents.open(params.path);
        const root = db.get_one({ date: rootDateOf(params.threadKey), event: 'chat' }) ?? db.get({ date: rootDateOf(params.threadKey), event: 'chat' })[0];
        if (!root?.acp_config) throw notFound(`thread ${params.threadKey} is not an agent thread`);
        const config = root.acp_config as Record<string, unknown>;
        const options = { ...((config.options as Record<string, unknown>) ?? {}), [params.configId]: params.value };
        db.set({ date: root.date, sender_id: root.sender_id, event: 'chat', acp_config: { ...config, options } });
        db.commit();
        return {};
      },
      'session.fork': async (params, context) => forkThread(deps, params.path, params.threadKey, context.accountId),
      'agents.list': async () => ({ agents: agents.list() }),
      'agents.authenticate': async (params) => agents.authenticate(params.agent, params.methodId, params.apiKey),
    },
    recoverInterrupted: async () => {
      await recoverInterrupted(deps);
    },
    agentsForCustomize: () => agents.forCustomize(),
    shutdown: async () => {
      for (const thread of queues.threads.values()) {
        thread.closed = true;
        thread.agent?.process.kill();
      }
      await deps.turnLogs.flush();
    },
  };
}
