import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ACP_API_ERROR_CODES } from '../protocol/index.js';
import { AcpApiError } from '../acp-api/index.js';
import { ChatDocument } from './chat-document.js';
import type { ChatDocuments } from './types.js';
import { resolveWorkspacePath } from './workspace-paths.js';

/** The hub's open chat documents: each file is loaded once and shared by every client and turn. */
export type ChatDocumentRegistry = ChatDocuments & {
  /** The open document of a client-given path (checked to stay in the workspace). */
  document(requested: unknown): Promise<ChatDocument>;
  /** Creates an empty chat file; refuses an existing one. Returns its normalized relative path. */
  create(requested: unknown): Promise<string>;
  /** Saves every document now. */
  flush(): Promise<void>;
  close(): Promise<void>;
};

export function createChatDocumentRegistry(root: string): ChatDocumentRegistry {
  const documents = new Map<string, Promise<ChatDocument>>();

  function document(requested: unknown): Promise<ChatDocument> {
    const target = resolveWorkspacePath(root, requested, { extension: '.chat' });
    let loading = documents.get(target.absolute);
    if (!loading) {
      loading = ChatDocument.load(target.absolute, target.relative).catch((error: NodeJS.ErrnoException) => {
        documents.delete(target.absolute);
        if (error.code === 'ENOENT') throw new AcpApiError(ACP_API_ERROR_CODES.notFound, `no chat file ${JSON.stringify(target.relative)}; create it first`);
        if (error.code === 'EISDIR') throw new AcpApiError(ACP_API_ERROR_CODES.invalidParams, `${JSON.stringify(target.relative)} is a folder`);
        throw error;
      });
      documents.set(target.absolute, loading);
    }
    return loading;
  }

  async function settled(): Promise<ChatDocument[]> {
    const results = await Promise.allSettled(documents.values());
    return results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  }

  return {
    document,
    open: async (requested) => (await document(requested)).syncdb(),
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
      await Promise.all((await settled()).map((doc) => doc.close()));
      documents.clear();
    },
  };
}
