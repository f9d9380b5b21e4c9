import type { ConnectionState } from '../../src/acp-api/index.js';
import type { AcpApiResult, AgentInfo, HubSettings, QueuedTurn } from '../../src/protocol/index.js';
import type { QueuePlanActions } from './queue-plan-actions.js';

/** What `agents.authenticate` answered: ok, a message, or a device-code URL and code to show. */
export type AuthenticateResult = AcpApiResult<'agents.authenticate'>;

/** Session-level state shared by every thread of the page: agents, settings, queues, connection. */
export type SessionStoreState = QueuePlanActions & {
  connection: ConnectionState;
  /** null until `agents.list` answered. */
  agents: AgentInfo[] | null;
  /** null until `settings.get` answered. */
  settings: HubSettings | null;
  isAdmin: boolean;
  /** The hub's account id of this client (from settings.get), to tell "you" apart; null until known. */
  accountId: string | null;
  /** This account's display name (lite mode: the OS user's, editable); null when the hub keeps none. */
  accountName: string | null;
  /** Queued turns by chat path, then thread key. */
  queues: Record<string, Record<string, QueuedTurn[]>>;
  /** Whether a thread's queue is paused (holds after the running turn), by chat path, then thread key. */
  pausedQueues: Record<string, Record<string, boolean>>;
  /** The last failure of a load or action, for a visible message. */
  error: string | null;
  /** Load agents and settings (again after a reconnect). */
  refresh(): Promise<void>;
  /** Load the queues of a chat file; `queue.change` keeps them current afterwards. */
  loadQueues(path: string): Promise<void>;
  cancelQueued(turnId: string): Promise<boolean>;
  authenticate(agent: string, methodId: string, apiKey?: string): Promise<AuthenticateResult>;
  saveSettings(settings: Partial<HubSettings>): Promise<HubSettings>;
  /** Renames this (the hub's local) account; resolves with the saved name. */
  saveAccountName(name: string): Promise<string>;
  dispose(): void;
};

/** Data a session store can start with (fixtures, tests, a host that already has it). */
export type SessionSeed = Partial<Pick<SessionStoreState, 'agents' | 'settings' | 'isAdmin' | 'accountId' | 'accountName' | 'queues' | 'pausedQueues' | 'connection'>>;
