import { z } from 'zod';
import { ACP_API_LIMITS, type RowKey } from '../protocol/index.js';
import { AcpApiError } from '../acp-api/index.js';
import { rowKey, rowKeyProblem, threadFirstRows } from '../syncdb/index.js';
import type { ChatDocumentRegistry } from './chat-documents.js';
import type { ClientRegistry } from './client-registry.js';
import { checkParams } from './method-params.js';
import type { MethodHandlers } from './types.js';
import { sizeProblem } from './value-limits.js';
import type { WorkspaceFileIndex } from './workspace-file-index.js';
import { listChatFiles } from './workspace-files.js';

const PathParams = z.object({ path: z.string() });
// `thread`: the ms key of the thread the client shows first (a thread-first open, see threadFirstRows).
const OpenParams = z.object({ path: z.string(), thread: z.string().max(32).optional() });
const SetParams = z.object({ path: z.string(), rows: z.array(z.record(z.string(), z.unknown())).max(10_000) });
const DeleteParams = z.object({ path: z.string(), keys: z.array(z.record(z.string(), z.unknown())).max(10_000) });
const FilesParams = z.object({ query: z.string().max(1_000).optional(), limit: z.number().int().positive().optional() });

/** Why row `index` of a batch is refused, or undefined. */
function rowProblem(row: Record<string, unknown>, checkSize: boolean): string | undefined {
  const size = checkSize ? sizeProblem(row, { maxDepth: ACP_API_LIMITS.maxRowDepth, maxBytes: ACP_API_LIMITS.maxRowBytes }) : undefined;
  if (size) return `the row is ${size}`;
  const problem = rowKeyProblem(row);
  if (problem) return problem;
  if (row.input != null && typeof row.input !== 'string') return 'input must be a string';
  return undefined;
}

/** Checks every row of a batch before any is applied; the refusal names the first bad row by index. */
function checkRows(method: string, rows: Array<Record<string, unknown>>, options: { checkSize: boolean }): void {
  rows.forEach((row, index) => {
    const problem = rowProblem(row, options.checkSize);
    if (problem) throw AcpApiError.invalidParams(`${method}: row ${index}: ${problem}; nothing of the batch was applied`);
  });
}

/**
 * chat.* and files.list. `chat.open` subscribes the client to the document (and holds it loaded)
 * until `chat.close` or until it leaves; every change (from any client or a turn) reaches each
 * subscriber as `chat.change`. `fileIndex` answers files.list; its owner (the hub) disposes it.
 */
export function createChatMethods(root: string, documents: ChatDocumentRegistry, clients: ClientRegistry, fileIndex: WorkspaceFileIndex): MethodHandlers {
  // clientId -> absolute path -> disposer of that client's subscription
  const subscriptions = new Map<string, Map<string, () => void>>();

  function unsubscribe(clientId: string, absolute: string): void {
    subscriptions.get(clientId)?.get(absolute)?.();
    subscriptions.get(clientId)?.delete(absolute);
  }

  return {
    'chat.list': async () => ({ files: await listChatFiles(root) }),
    'chat.create': async (params) => ({ path: await documents.create(checkParams('chat.create', PathParams, params).path) }),
    'chat.open': async (params, context) => {
      const { path: requested, thread } = checkParams('chat.open', OpenParams, params);
      const { clientId } = context;
      let document = await documents.document(requested);
      if (!subscriptions.get(clientId)?.has(document.absolute)) {
        // Held (kept loaded) while the client has it open.
        const held = await documents.hold(requested);
        document = held.document;
        const unsubscribe = document.subscribe((change) =>
          clients.notify(clientId, 'chat.change', { path: document.relative, ...change }),
        );
        const stop = () => {
          unsubscribe();
          held.release();
        };
        let perClient = subscriptions.get(clientId);
        if (!perClient) {
          subscriptions.set(clientId, (perClient = new Map()));
          clients.onLeave(clientId, () => {
            for (const dispose of subscriptions.get(clientId)?.values() ?? []) dispose();
            subscriptions.delete(clientId);
          });
        }
        perClient.set(document.absolute, stop);
      }
      // Rows and subscription in the same tick: no change can fall between them.
      const rows = document.db.get();
      const first = thread === undefined ? undefined : threadFirstRows(rows, thread);
      // A thread-first answer is partial: the client asks for the whole document once it has shown the thread.
      if (first) return { rows: first, path: document.relative, version: document.version, partial: true };
      return { rows, path: document.relative, version: document.version };
    },
    'chat.close': async (params, context) => {
      unsubscribe(context.clientId, documents.absolutePath(checkParams('chat.close', PathParams, params).path));
      return {};
    },
    'chat.set': async (params) => {
      const { path, rows } = checkParams('chat.set', SetParams, params);
      checkRows('chat.set', rows, { checkSize: true });
      (await documents.document(path)).setRows(rows);
      return {};
    },
    'chat.delete': async (params) => {
      const { path, keys } = checkParams('chat.delete', DeleteParams, params);
      checkRows('chat.delete', keys, { checkSize: false });
      const document = await documents.document(path);
      for (const key of keys) document.db.delete(rowKey(key as RowKey));
      document.db.commit();
      return {};
    },
    'files.list': async (params) => {
      const { query, limit } = checkParams('files.list', FilesParams, params);
      return fileIndex.search(query ?? '', Math.max(1, Math.min(limit ?? 200, 2_000)));
    },
  };
}
