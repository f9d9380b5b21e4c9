import { z } from 'zod';
import { AcpApiError } from '../acp-api/index.js';
import { ACP_API_ERROR_CODES } from '../protocol/index.js';
import type { ClientRegistry } from './client-registry.js';
import { discardTurnLogs, isTurnLogDiscarded, isTurnLogRunning } from './discard-turn-logs.js';
import { checkParams } from './method-params.js';
import { isValidTurnId } from './turn-log-store.js';
import type { ChatDocuments, MethodHandlers, TurnLogStore } from './types.js';
import { resolveWorkspacePath } from './workspace-paths.js';

const TurnId = z.string().refine(isValidTurnId, { message: 'not a valid turn id' });
const SubscribeParams = z.object({ turnId: TurnId, fromSeq: z.number().int().nonnegative() });
const UnsubscribeParams = z.object({ turnId: TurnId });
const DeleteParams = z.object({ path: z.string(), threadKey: z.string().min(1), turnId: TurnId.optional() });

const StatsParams = z.object({}).passthrough();

/**
 * turn.subscribe / turn.unsubscribe / logs.delete / logs.stats. A subscription replays the log from
 * `fromSeq` and then streams live events as `turn.event`, in one synchronous step of the store (see
 * createTurnLogStore), so the client sees each seq once; a turn whose log was deleted answers
 * `{ logDeleted: true }` with no events.
 */
export function createLogMethods(root: string, turnLogs: TurnLogStore, clients: ClientRegistry, documents: ChatDocuments): MethodHandlers {
  // clientId -> turnId -> disposers (a client may subscribe to one turn more than once)
  const subscriptions = new Map<string, Map<string, Set<() => void>>>();

  function perClient(clientId: string): Map<string, Set<() => void>> {
    let turns = subscriptions.get(clientId);
    if (!turns) {
      subscriptions.set(clientId, (turns = new Map()));
      clients.onLeave(clientId, () => {
        for (const disposers of subscriptions.get(clientId)?.values() ?? []) for (const dispose of disposers) dispose();
        subscriptions.delete(clientId);
      });
    }
    return turns;
  }

  return {
    'turn.subscribe': async (params, context) => {
      const { turnId, fromSeq } = checkParams('turn.subscribe', SubscribeParams, params);
      if (isTurnLogDiscarded(turnLogs, turnId)) return { logDeleted: true };
      if (turnLogs.meta(turnId) === undefined && turnLogs.read(turnId, 0).length === 0) {
        throw AcpApiError.notFound(`turn.subscribe: no turn ${JSON.stringify(turnId)}`);
      }
      const turns = perClient(context.clientId);
      let disposers = turns.get(turnId);
      if (!disposers) turns.set(turnId, (disposers = new Set()));
      disposers.add(turnLogs.subscribe(turnId, fromSeq, (event) => clients.notify(context.clientId, 'turn.event', { turnId, event })));
      return {};
    },
    'turn.unsubscribe': async (params, context) => {
      const { turnId } = checkParams('turn.unsubscribe', UnsubscribeParams, params);
      const turns = subscriptions.get(context.clientId);
      for (const dispose of turns?.get(turnId) ?? []) dispose();
      turns?.delete(turnId);
      return {};
    },
    'logs.delete': async (params) => {
      const { path, threadKey, turnId } = checkParams('logs.delete', DeleteParams, params);
      const relative = resolveWorkspacePath(root, path, { extension: '.chat' }).relative;
      // Match the path as the client gave it too, in case a turn was logged under that spelling.
      const candidates = new Set([...turnLogs.listByThread(relative, threadKey), ...turnLogs.listByThread(path, threadKey)]);
      const ids = [...candidates].filter((id) => turnId === undefined || id === turnId);
      const running = ids.filter((id) => isTurnLogRunning(turnLogs, id));
      if (running.length > 0) {
        const which = turnId === undefined ? `this thread's turn ${running.join(', ')} is` : 'this turn is';
        throw new AcpApiError(ACP_API_ERROR_CODES.conflict, `logs.delete: ${which} still running; interrupt it or wait until it ends, then delete its log`);
      }
      const fresh = ids.filter((id) => !isTurnLogDiscarded(turnLogs, id));
      await discardTurnLogs({ turnLogs, documents }, relative, ids);
      return { deleted: fresh.length };
    },
    'logs.stats': async (params, context) => {
      checkParams('logs.stats', StatsParams, params);
      if (!context.isAdmin) throw AcpApiError.forbidden('logs.stats: only the admin may see the size of the activity logs');
      return turnLogs.stats();
    },
  };
}
