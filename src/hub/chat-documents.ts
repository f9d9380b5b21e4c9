import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ACP_API_ERROR_CODES } from '../protocol/index.js';
import { AcpApiError } from '../acp-api/index.js';
import type { SyncDB } from '../syncdb/index.js';
import { ChatDocument } from './chat-document.js';
import type { ChatDocuments } from './types.js';
import { resolveWorkspacePath } from './workspace-paths.js';

/** A document nobody holds is saved and unloaded this long after it was last used. */
export const DEFAULT_UNLOAD_DELAY_MS = 2_000;

/** The hub's open chat documents: each file is loaded once and shared by every client and turn. */
export type ChatDocumentRegistry = ChatDocuments & {
  /** The open document of a client-given path (checked to stay in the workspace). */
  document(requested: unknown): Promise<ChatDocument>;
  /** The document, held loaded until `release()` (a client's subscription, a running turn). */
  hold(requested: unknown): Promise<{ document: ChatDocument; release(): void }>;
  /** The absolute path a client-given path names (checked), without loading anything. */
  absolutePath(requested: unknown): string;
  /** Workspace-relative paths of the loaded documents (including those still saving as they unload). */
  loaded(): string[];
  /** Creates an empty chat file; refuses an existing one. Returns its normalized relative path. */
  create(requested: unknown): Promise<string>;
  /** Saves every document now. */
  flush(): Promise<void>;
  close(): Promise<void>;
};

/**
 * One document per file, loaded on first use. A document that no client has open and no turn uses is
 * saved and unloaded after `unloadDelayMs`; one deleted on disk is dropped (see ChatDocument).
 */
export function createChatDocumentRegistry(root: string, options: { unloadDelayMs?: number } = {}): ChatDocumentRegistry {
  const unloadDelayMs = options.unloadDelayMs ?? DEFAULT_UNLOAD_DELAY_MS;
  const documents = new Map<string, Promise<ChatDocument>>();
  const holders = new Map<ChatDocument, number>();
  const unloading = new Map<string, Promise<void>>();
  const timers = new Map<string, NodeJS.Timeout>();
  let closed = false;

  const isHeld = (doc: ChatDocument) => (holders.get(doc) ?? 0) > 0;

  function scheduleUnload(absolute: string): void {
    clearTimeout(timers.get(absolute));
    if (closed) return;
    const timer = setTimeout(() => {
      timers.delete(absolute);
      const loading = documents.get(absolute);
      if (!loading) return;
      const done = loading
        .then(async (doc) => {
          if (isHeld(doc) || documents.get(absolute) !== loading) return;
          // Decided in one step with the removal: a caller resuming later sees `retired` and loads anew.
          documents.delete(absolute);
          doc.retired = true;
          await doc.close();
        })
        .catch(() => undefined) // a failed load has nothing to save
        .finally(() => {
          if (unloading.get(absolute) === done) unloading.delete(absolute);
        });
      unloading.set(absolute, done);
    }, unloadDelayMs);
    timer.unref();
    timers.set(absolute, timer);
  }

  function forget(doc: ChatDocument): void {
    void documents.get(doc.absolute)?.then((current) => {
      if (current === doc) documents.delete(doc.absolute);
    });
  }

  function loadOnce(target: { absolute: string; relative: string }): Promise<ChatDocument> {
    let loading = documents.get(target.absolute);
    if (!loading) {
      const previous = unloading.get(target.absolute) ?? Promise.resolve();
      // The save of a previous instance finishes before the file is read again.
      loading = previous.then(() => ChatDocument.load(target.absolute, target.relative, { onGone: forget })).catch((error: NodeJS.ErrnoException) => {
        documents.delete(target.absolute);
        if (error.code === 'ENOENT') throw new AcpApiError(ACP_API_ERROR_CODES.notFound, `no chat file ${JSON.stringify(target.relative)}; create it first`);
        if (error.code === 'EISDIR') throw new AcpApiError(ACP_API_ERROR_CODES.invalidParams, `${JSON.stringify(target.relative)} is a folder`);
        throw error;
      });
      documents.set(target.absolute, loading);
    }
    return loading;
  }

  async function document(requested: unknown): Promise<ChatDocument> {
    const target = resolveWorkspacePath(root, requested, { extension: '.chat' });
    for (;;) {
      const doc = await loadOnce(target);
      if (doc.retired) {
        if (documents.get(target.absolute) && (await documents.get(target.absolute)) === doc) documents.delete(target.absolute);
        continue;
      }
      if (!isHeld(doc)) scheduleUnload(target.absolute);
      return doc;
    }
  }

  async function hold(requested: unknown): Promise<{ document: ChatDocument; release(): void }> {
    const doc = await document(requested);
    holders.set(doc, (holders.get(doc) ?? 0) + 1);
    clearTimeout(timers.get(doc.absolute));
    let released = false;
    return {
      document: doc,
      release() {
        if (released) return;
        released = true;
        const left = (holders.get(doc) ?? 1) - 1;
        if (left > 0) holders.set(doc, left);
        else holders.delete(doc);
        if (left <= 0 && !doc.retired) scheduleUnload(doc.absolute);
      },
    };
  }

  async function settled(): Promise<ChatDocument[]> {
    const results = await Promise.allSettled(documents.values());
    return results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  }

  return {
    document,
    hold,
    absolutePath: (requested) => resolveWorkspacePath(root, requested, { extension: '.chat' }).absolute,
    // Those still saving on their way out count as loaded: "not loaded" means saved and released.
    loaded: () => [...new Set([...documents.keys(), ...unloading.keys()])].map((absolute) => path.relative(root, absolute).split(path.sep).join('/')),
    open: async (requested) => (await document(requested)).syncdb(),
    async lease(requested): Promise<{ db: SyncDB; release(): void }> {
      const held = await hold(requested);
      return { db: held.document.syncdb(), release: held.release };
    },
    async create(requested) {
      const target = resolveWorkspacePath(root, requested, { extension: '.chat' });
      await mkdir(path.dirname(target.absolute), { recursive: true });
      try {
        await writeFile(target.absolute, '', { flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
          throw new AcpApiError(ACP_API_ERROR_CODES.conflict, `${JSON.stringify(target.relative)} already exists`);
        }
        throw error;
      }
      return target.relative;
    },
    async flush() {
      await Promise.all((await settled()).map((doc) => doc.save()));
    },
    async close() {
      closed = true;
      for (const timer of timers.values()) clearTimeout(timer);
      await Promise.all(unloading.values());
      await Promise.all((await settled()).map((doc) => doc.close()));
      documents.clear();
    },
  };
}
