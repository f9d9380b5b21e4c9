import path from 'node:path';
import type { HubSettings, TurnEvent } from '../protocol/index.js';
import { createChatDocumentRegistry, type ChatDocumentRegistry } from './chat-documents.js';
import { createChatMethods } from './chat-methods.js';
import type { ClientRegistry } from './client-registry.js';
import { createLogMethods } from './log-methods.js';
import { startLogRetention } from './log-retention.js';
import { createReviewMethods } from './revert-hunks.js';
import { createTurnLogStore } from './turn-log-store.js';
import type { AgentsService } from './turns/agents-service.js';
import { createWorkspaceFileIndex, type WorkspaceFileIndex } from './workspace-file-index.js';
import type { MethodHandlers, SecretStore, TurnLogStore, TurnService, TurnServiceDeps } from './types.js';

/** Where a turn event was appended: its turn, chat, thread and the account that started the turn (when known). */
export type TurnEventOrigin = { turnId: string; path: string; threadKey: string; accountId: string | null };

/** What one workspace (lite's root, or one multiuser project) is built from. */
export type WorkspaceScopeOptions = {
  /** Absolute real path of the workspace: chat files and agent working directories stay inside it. */
  root: string;
  /** The hub's state directory (installed agents, agent homes); the turn service gets it. */
  stateDir: string;
  /** This workspace's turn logs. */
  logsDir: string;
  /** The clients as this workspace sees them: its notifications go through `notify`/`broadcast`. */
  clients: ClientRegistry;
  settings: () => HubSettings;
  secrets: SecretStore;
  turnService?: (deps: TurnServiceDeps) => TurnService;
  agentLimits?: TurnServiceDeps['agentLimits'];
  /** The agents knowledge shared by every workspace of a hub (multiuser); the turn service makes its own otherwise. */
  agents?: AgentsService;
  documentUnloadDelayMs?: number;
  /** More for the turn service: multiuser's credential resolver, a project's container launcher. */
  turnDeps?: Pick<TurnServiceDeps, 'resolveCredential' | 'agentLauncher'>;
  /** Told of every event appended to a turn log (the audit), after it is numbered; must not throw. */
  onTurnEvent?: (event: TurnEvent, origin: TurnEventOrigin) => void;
};

/** One workspace's machinery: chat documents, file index, turn logs, turn service and their methods. */
export type WorkspaceScope = {
  root: string;
  handlers: MethodHandlers;
  turnService: TurnService | undefined;
  turnLogs: TurnLogStore;
  documents: ChatDocumentRegistry;
  /** The @-file search index (files.list); `close()` disposes it, closing its folder watchers. */
  fileIndex: WorkspaceFileIndex;
  /** Marks turns that were running when the hub died as interrupted, then starts log retention. */
  recoverInterrupted(): Promise<void>;
  /** Stops the turn service (agents), saves documents and logs, closes the file index. */
  close(): Promise<void>;
};

/** Passes each appended event to `onTurnEvent` with where it belongs (from the turn's meta). */
function observedTurnLogs(turnLogs: TurnLogStore, onTurnEvent: NonNullable<WorkspaceScopeOptions['onTurnEvent']>): TurnLogStore {
  return Object.assign(Object.create(turnLogs) as TurnLogStore, {
    append(turnId: string, event: Parameters<TurnLogStore['append']>[1]) {
      const numbered = turnLogs.append(turnId, event);
      const meta = turnLogs.meta(turnId);
      try {
        onTurnEvent(numbered, { turnId, path: meta?.path ?? '', threadKey: meta?.threadKey ?? '', accountId: meta?.accountId ?? null });
      } catch (error) {
        console.error(`[hub] the turn event observer failed on ${turnId}:`, error);
      }
      return numbered;
    },
  });
}

/**
 * Builds one workspace: what lite mode runs for its one root and multiuser for each project. The
 * caller answers the hub-level methods (settings, account, projects) and routes the rest here.
 */
export function createWorkspaceScope(options: WorkspaceScopeOptions): WorkspaceScope {
  const { root, clients } = options;
  const storedLogs = createTurnLogStore(options.logsDir);
  const turnLogs = options.onTurnEvent ? observedTurnLogs(storedLogs, options.onTurnEvent) : storedLogs;
  const documents = createChatDocumentRegistry(root, { unloadDelayMs: options.documentUnloadDelayMs });
  const fileIndex = createWorkspaceFileIndex(root); // built on the first files.list, then kept current
  const turnService = options.turnService?.({
    root,
    stateDir: options.stateDir,
    documents,
    turnLogs,
    settings: options.settings,
    secrets: options.secrets,
    agentLimits: options.agentLimits,
    broadcast: clients.broadcast,
    notifyAccount: clients.notifyAccount,
    ...(options.agents ? { agents: options.agents } : {}),
    ...options.turnDeps,
  });
  const handlers: MethodHandlers = {
    ...turnService?.handlers,
    // The hub's own methods win over a turn service that also defines one.
    ...createChatMethods(root, documents, clients, fileIndex),
    ...createLogMethods(root, turnLogs, clients, documents),
    ...createReviewMethods(root, turnLogs),
  };
  let retention: { stop(): void } | undefined;
  let closing: Promise<void> | undefined;
  return {
    root,
    handlers,
    turnService,
    turnLogs,
    documents,
    fileIndex,
    async recoverInterrupted() {
      await turnService?.recoverInterrupted();
      // After recovery, so a turn the hub died in counts as ended (interrupted) like any other.
      retention = startLogRetention({ turnLogs, documents, settings: options.settings });
    },
    close() {
      closing ??= (async () => {
        retention?.stop();
        fileIndex.dispose();
        await turnService?.shutdown().catch((error: unknown) => console.error(`[hub] turn service shutdown of ${path.basename(root)} failed:`, error));
        await documents.close();
        await turnLogs.flush();
      })();
      return closing;
    },
  };
}
