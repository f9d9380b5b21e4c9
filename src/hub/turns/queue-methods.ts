import { AcpApiError } from '../../acp-api/index.js';
import { checkParams } from '../method-params.js';
import type { MethodHandlers, TurnServiceDeps } from '../types.js';
import { editQueuedMessage } from './edit-queued-message.js';
import { rootDateOf } from './turn-context.js';
import { chatPath, QueueEditParams, QueueMoveParams, QueuePauseParams, TurnIdParams } from './turn-method-params.js';
import type { TurnQueues } from './turn-queue.js';
import type { ThreadState } from './types.js';

function notQueued(method: string, turnId: string): AcpApiError {
  return AcpApiError.notFound(`${method}: turn ${turnId} is not queued (it has started, ended or never existed)`);
}

/** The queue-as-a-plan methods (issue 15): reorder, edit, send now, pause and resume. */
export function createQueueMethods(deps: TurnServiceDeps, turnQueues: TurnQueues): MethodHandlers {
  const queueOf = (thread: ThreadState) => ({ queue: turnQueues.queued(thread) });
  return {
    'queue.move': async (params, context) => {
      const { turnId, toIndex } = checkParams('queue.move', QueueMoveParams, params);
      const thread = turnQueues.move(turnId, toIndex, context.accountId);
      if (!thread) throw notQueued('queue.move', turnId);
      return queueOf(thread);
    },
    'queue.edit': async (params, context) => {
      const { turnId, prompt } = checkParams('queue.edit', QueueEditParams, params);
      const request = turnQueues.edit(turnId, prompt, context.accountId);
      if (!request) throw notQueued('queue.edit', turnId);
      await editQueuedMessage(deps, request, prompt, context.accountId);
      return queueOf(turnQueues.thread(request.path, request.threadKey));
    },
    'queue.sendNow': async (params, context) => {
      const { turnId } = checkParams('queue.sendNow', TurnIdParams, params);
      const thread = turnQueues.sendNow(turnId, context.accountId);
      if (!thread) throw notQueued('queue.sendNow', turnId);
      return queueOf(thread);
    },
    'queue.pause': async (params, context) => {
      const { path, threadKey, paused } = checkParams('queue.pause', QueuePauseParams, params);
      const chat = chatPath(deps.root, path);
      const db = await deps.documents.open(chat); // refuses a missing chat file
      // Every paused key is kept (and listed by queue.get): a key of no thread would only grow that state.
      const known = turnQueues.threads.has(`${chat}\0${threadKey}`) || db.get({ date: rootDateOf(threadKey), event: 'chat' }).some((row) => !row.reply_to);
      if (!known) throw AcpApiError.notFound(`no thread ${threadKey} in ${chat}`);
      turnQueues.pause(chat, threadKey, paused, context.accountId);
      return { paused };
    },
  };
}
