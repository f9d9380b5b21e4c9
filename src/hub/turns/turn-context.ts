import { findAgentDefinition, type AgentDefinition } from '../../agents/index.js';
import { AcpConfigSchema, type AcpConfig, type AcpTurn, type Row, type TurnState } from '../../protocol/index.js';
import type { SyncDB } from '../../syncdb/index.js';
import type { TurnServiceDeps, UnsequencedTurnEvent } from '../types.js';
import { AgentRowWriter } from './agent-row.js';
import { redactSecret } from './redact-secret.js';
import type { ThreadState, TurnRequest } from './types.js';

/** The ISO date of a thread root from its key (ms since epoch). */
export function rootDateOf(threadKey: string): string {
  return new Date(Number(threadKey)).toISOString();
}

/** A unique ISO date for the agent row, after the user's message. */
function agentRowDate(db: SyncDB, userDate: string): string {
  let ms = Math.max(Date.now(), Date.parse(userDate) + 1);
  while (db.get({ date: new Date(ms).toISOString(), event: 'chat' }).length > 0) ms += 1;
  return new Date(ms).toISOString();
}

/** The turn's log writer: redacts the agent's secret, writes nothing after shutdown, folds every event into the row. */
export type TurnLog = {
  event(event: UnsequencedTurnEvent): void;
  status(state: TurnState): void;
  notice(message: string, level?: 'info' | 'warning'): void;
  /** The secret to redact from everything logged (the agent's API key), once known. */
  setSecret(secret: string | undefined): void;
  secret(): string | undefined;
};

/** What one turn works with once its document is leased and its thread config read. */
export type TurnContext = {
  request: TurnRequest;
  db: SyncDB;
  release: () => void;
  root: Row | undefined;
  config: AcpConfig;
  definition: AgentDefinition | undefined;
  row: AgentRowWriter;
  acpTurn: AcpTurn;
  log: TurnLog;
};

/** The turn log of `turnId` (after shutdown nothing more is written: a restarted hub then finds the turn interrupted). */
export function createTurnLog(deps: TurnServiceDeps, thread: ThreadState, turnId: string, fold: (event: ReturnType<TurnServiceDeps['turnLogs']['append']>) => void): TurnLog {
  let secret: string | undefined;
  const event = (value: UnsequencedTurnEvent) => {
    if (!thread.closed) fold(deps.turnLogs.append(turnId, redactSecret(value, secret)));
  };
  return {
    event,
    status: (state) => event({ type: 'status', state, t: Date.now() }),
    notice: (message, level = 'warning') => event({ type: 'notice', level, message, t: Date.now() }),
    setSecret: (value) => {
      secret = value;
    },
    secret: () => secret,
  };
}

/**
 * Step 1 of a turn: lease the chat document, read the thread's config from its root and create
 * the agent row. Returns undefined (after logging why, and the failed status) when the document
 * cannot be opened: then there is no row either.
 */
export async function openTurnContext(deps: TurnServiceDeps, thread: ThreadState, request: TurnRequest): Promise<TurnContext | undefined> {
  // The row exists once the document is leased; events logged before it have nothing to show on it.
  const target: { row?: AgentRowWriter } = {};
  const log = createTurnLog(deps, thread, request.turnId, (event) => target.row?.fold(event));
  log.status('starting');
  let db: SyncDB;
  let release: () => void;
  try {
    ({ db, release } = await deps.documents.lease(request.path));
  } catch (error) {
    log.event({ type: 'error', message: `The chat file could not be opened: ${(error as Error).message}`, t: Date.now() });
    log.status('failed');
    return undefined;
  }
  try {
    return createTurnContext(deps, request, log, target, db, release);
  } catch (error) {
    // Whatever goes wrong after the lease (a bad row, a bad date): the turn still ends, and the document is let go.
    release();
    log.event({ type: 'error', message: `The turn could not start: ${(error as Error).message}`, t: Date.now() });
    log.status('failed');
    return undefined;
  }
}

function createTurnContext(deps: TurnServiceDeps, request: TurnRequest, log: TurnLog, target: { row?: AgentRowWriter }, db: SyncDB, release: () => void): TurnContext {
  const rootDate = rootDateOf(request.threadKey);
  const root = db.get({ date: rootDate, event: 'chat' }).find((candidate) => !candidate.reply_to);
  const parsed = AcpConfigSchema.safeParse(root?.acp_config ?? { agent: deps.settings().default_agent });
  const config: AcpConfig = parsed.success ? parsed.data : { agent: deps.settings().default_agent };
  const definition = findAgentDefinition(config.agent || deps.settings().default_agent);
  const senderId = config.model || definition?.id || config.agent;
  const acpTurn: AcpTurn = { id: request.turnId, state: 'starting', startedAt: new Date().toISOString() };
  const row = new AgentRowWriter(db, { date: agentRowDate(db, request.userDate), sender_id: senderId, event: 'chat' });
  target.row = row;
  row.create({ reply_to: rootDate, acp_account_id: request.accountId, acp_turn: acpTurn, schema_version: 1 });
  return { request, db, release, root, config, definition, row, acpTurn, log };
}
