import type { RequestPermissionRequest, SessionNotification, SessionUpdate } from '@agentclientprotocol/sdk';
import { findAgentDefinition } from '../../agents/index.js';
import { AcpConfigSchema, type AcpConfig, type AcpTurn, type TurnState } from '../../protocol/index.js';
import type { SyncDB } from '../../syncdb/index.js';
import type { TurnServiceDeps, UnsequencedTurnEvent } from '../types.js';
import { AgentRowWriter } from './agent-row.js';
import { applyConfig } from './apply-config.js';
import { PermissionBroker, toPermissionResponse } from './permission-broker.js';
import { preparePrompt } from './prepare-prompt.js';
import type { AgentPool } from './agent-pool.js';
import { checkAgentEnvironment, resolveWorkingDirectory } from './agent-paths.js';
import { redactSecret } from './redact-secret.js';
import { relativizePaths } from './relativize-paths.js';
import type { AgentsService } from './agents-service.js';
import { agentEnvironment, launchThreadAgent, openSession, type ThreadAgent } from './thread-agent.js';
import type { RunningTurn, ThreadState, TurnRequest } from './types.js';

const KILL_AFTER_CANCEL_MS = 3_000;

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

/** Routes a thread's agent traffic to its running turn. */
export function threadHandlers(thread: ThreadState) {
  return {
    onUpdate(notification: SessionNotification) {
      const running = thread.running;
      if (running?.onUpdate && running.sessionId === notification.sessionId) running.onUpdate(notification.update);
    },
    onPermission(request: RequestPermissionRequest, signal: AbortSignal) {
      const running = thread.running;
      if (!running?.onPermission) return Promise.resolve({ outcome: { outcome: 'cancelled' as const } });
      return running.onPermission(request, signal);
    },
  };
}

/** Runs one turn from start to its final status. Never throws: failures end the turn as failed. */
export async function runTurn(deps: TurnServiceDeps, thread: ThreadState, request: TurnRequest, agents: AgentsService, pool: AgentPool): Promise<void> {
  const { turnId } = request;
  // After shutdown nothing more is written: a restarted hub then finds the turn unfinished (interrupted).
  let secret: string | undefined;
  const log = (event: UnsequencedTurnEvent) => {
    if (!thread.closed) deps.turnLogs.append(turnId, redactSecret(event, secret));
  };
  const status = (state: TurnState) => log({ type: 'status', state, t: Date.now() });
  const running: RunningTurn = { request, broker: new PermissionBroker(), interruptRequested: false };
  thread.running = running;
  status('starting');
  let db: SyncDB;
  let release: () => void;
  try {
    ({ db, release } = await deps.documents.lease(request.path));
  } catch (error) {
    // No document, no agent row: the log alone tells why.
    log({ type: 'error', message: `The chat file could not be opened: ${(error as Error).message}`, t: Date.now() });
    status('failed');
    thread.running = undefined;
    return;
  }
  const rootDate = rootDateOf(request.threadKey);
  const root = db.get({ date: rootDate, event: 'chat' }).find((row) => !row.reply_to);
  const parsed = AcpConfigSchema.safeParse(root?.acp_config ?? { agent: deps.settings().default_agent });
  const config: AcpConfig = parsed.success ? parsed.data : { agent: deps.settings().default_agent };
  const definition = findAgentDefinition(config.agent || deps.settings().default_agent);
  const senderId = config.model || definition?.id || config.agent;
  const startedAt = new Date().toISOString();
  const row = new AgentRowWriter(db, { date: agentRowDate(db, request.userDate), sender_id: senderId, event: 'chat' });
  const acpTurn: AcpTurn = { id: turnId, state: 'starting', startedAt };
  row.create({ reply_to: rootDate, acp_account_id: request.accountId, acp_turn: acpTurn, schema_version: 1 });
  const end = (state: 'completed' | 'cancelled' | 'failed', extra: { stopReason?: string; error?: string }) => {
    running.broker.cancelAll('hub');
    if (thread.closed) return;
    status(state);
    row.finish({ ...acpTurn, state, endedAt: new Date().toISOString(), ...extra });
  };
  try {
    if (!definition) throw new Error(`Unknown agent "${config.agent}".`);
    if (!deps.settings().enabled_agents.includes(definition.id)) throw new Error(`The agent "${definition.label}" is disabled by the admin.`);
    secret = agents.apiKey(definition.id);
    const cwd = resolveWorkingDirectory(deps.root, config.workingDirectory);
    checkAgentEnvironment(deps.root, config);
    if (thread.agent && (thread.agent.process.hasExited() || thread.agent.agentId !== definition.id)) {
      thread.agent.process.kill();
      thread.agent = undefined;
    }
    if (!thread.agent) {
      pool.makeRoom(thread);
      const env = agentEnvironment(definition, config, agents.apiKey(definition.id), deps.stateDir);
      thread.agent = await launchThreadAgent(definition, cwd, env, threadHandlers(thread));
      await signIn(thread.agent, definition.id, agents);
    }
    await thread.changingOptions;
    const agent = thread.agent;
    agent.lastUsedAt = Date.now();
    const notice = (message: string, level: 'info' | 'warning' = 'warning') => log({ type: 'notice', level, message, t: Date.now() });
    const wanted = { sessionId: config.sessionId || undefined, forkFromSessionId: config.forkSessionId || undefined };
    const session = await openSession(agent, cwd, wanted, notice).catch((error: Error) => {
      if (/auth/i.test(error.message)) agents.learn(definition.id, { signedIn: false });
      throw /auth/i.test(error.message) ? new Error(`${definition.label} needs sign-in (${error.message}). Use agents.authenticate (e.g. an API key) and send again.`) : error;
    });
    agents.learn(definition.id, { configOptions: session.configOptions, signedIn: true });
    if (session.sessionId !== config.sessionId && root) {
      db.set({ date: root.date, sender_id: root.sender_id, event: 'chat', acp_config: { ...config, sessionId: session.sessionId } });
      db.commit();
    }
    row.update({ acp_thread_id: session.sessionId });
    const modeIds = session.modes?.availableModes.map((mode) => mode.id) ?? [];
    const applied = await applyConfig(agent.process.connection, session.sessionId, config, definition, { configOptions: session.configOptions, modeIds });
    applied.notices.forEach((message) => notice(message));
    agent.configOptions = applied.configOptions;
    agent.modes = session.modes;
    if (session.how === 'fork') notice(`The agent forked session ${config.forkSessionId} of the thread this one was forked from.`, 'info');
    log({ type: 'session', sessionId: session.sessionId, agent: definition.id, modes: session.modes ?? undefined, configOptions: applied.configOptions, t: Date.now() });
    const acceptsImages = agent.process.initialize.agentCapabilities?.promptCapabilities?.image === true;
    // A forked thread's first session is primed with the transcript its root carries (see fork-thread.ts).
    const primer = config.forkedFrom && session.how === 'new' && root ? [{ type: 'text' as const, text: `Context from the thread this one was forked from:\n${String((root.history as Array<{ content?: string }>)?.[0]?.content ?? '')}\n---\n` }] : [];
    const prompt = preparePrompt([...primer, ...request.prompt], { root: deps.root, acceptsImages });
    prompt.notices.forEach((message) => notice(message));
    log({ type: 'prompt', prompt: prompt.blocks, t: Date.now() });
    running.sessionId = session.sessionId;
    running.onUpdate = (raw) => {
      const update = redactSecret(relativizePaths(raw as SessionUpdate, deps.root), secret);
      log({ type: 'update', update, t: Date.now() });
      if (update.sessionUpdate === 'agent_message_chunk' && update.content.type === 'text') row.appendMessage(update.messageId, update.content.text);
      if (update.sessionUpdate === 'usage_update') row.setUsage({ used: update.used, size: update.size, ...(update.cost ? { cost: update.cost } : {}) });
    };
    running.onPermission = async (permission) => {
      const requestId = `${permission.toolCall.toolCallId}:${Date.now().toString(36)}`;
      const toolCall = relativizePaths(permission.toolCall, deps.root);
      log({ type: 'permission', requestId, toolCall, options: permission.options, state: 'pending', t: Date.now() });
      status('awaiting-permission');
      const decision = await running.broker.wait(requestId, permission.options, deps.settings().permission_timeout_ms);
      const decidedAt = new Date().toISOString();
      log({ type: 'permission', requestId, toolCall, options: permission.options, ...decision, decidedAt, t: Date.now() });
      if (!running.interruptRequested) status('running');
      return toPermissionResponse(decision);
    };
    // Interrupted while starting: never send the prompt.
    if (running.interruptRequested) throw new Error('interrupted before the prompt was sent');
    status('running');
    row.update({ acp_turn: { ...acpTurn, state: 'running' } });
    const result = await Promise.race([
      agent.process.connection.agent.request('session/prompt', { sessionId: session.sessionId, prompt: prompt.blocks }),
      agent.process.exited.then((why) => Promise.reject(new Error(why))),
    ]);
    const usage = (result as { usage?: Record<string, unknown> }).usage;
    if (usage) row.setTokens(usage);
    row.flush();
    log({ type: 'result', stopReason: result.stopReason, ...(usage ? { usage } : {}), t: Date.now() });
    end(result.stopReason === 'cancelled' ? 'cancelled' : 'completed', { stopReason: result.stopReason });
  } catch (error) {
    if (thread.closed) return row.discardPending();
    row.flush();
    if (running.interruptRequested) {
      log({ type: 'result', stopReason: 'cancelled', ...(running.killed ? { killed: true } : {}), t: Date.now() });
      end('cancelled', { stopReason: 'cancelled' });
    } else {
      const process_ = thread.agent?.process;
      // A dead agent first shows as a closed connection; wait briefly for its exit status, the clearer message.
      const exit = process_ ? await Promise.race([process_.exited, new Promise<undefined>((resolve) => setTimeout(resolve, 1_000))]) : undefined;
      const reason = exit ? `The agent process ended during the turn (${exit}).` : (error as Error).message;
      const stderr = process_?.stderrTail();
      const message = redactSecret(`${reason}${stderr ? `\n--- agent stderr (tail) ---\n${stderr}` : ''}`, secret);
      log({ type: 'error', message, t: Date.now() });
      end('failed', { error: message });
    }
    if (thread.agent?.process.hasExited()) thread.agent = undefined;
  } finally {
    thread.running = undefined;
    release();
  }
}

/** Tells the agent what it knows (auth methods, images) and runs the api-key method when a key is stored. */
async function signIn(agent: ThreadAgent, agentId: string, agents: AgentsService): Promise<void> {
  const initialize = agent.process.initialize;
  const authMethods = (initialize.authMethods ?? []).map((method) => ({ id: method.id, name: method.name, description: method.description ?? undefined, needsApiKey: method.id === 'api-key' }));
  agents.learn(agentId, { authMethods, acceptsImages: initialize.agentCapabilities?.promptCapabilities?.image === true });
  if (agents.apiKey(agentId) && authMethods.some((method) => method.id === 'api-key')) {
    await agent.process.connection.agent.request('authenticate', { methodId: 'api-key' });
  }
}

/** turn.interrupt of a running turn: session/cancel, and kill the process group if it does not stop. */
export function interruptTurn(deps: TurnServiceDeps, thread: ThreadState): void {
  const running = thread.running;
  if (!running || running.interruptRequested) return;
  running.interruptRequested = true;
  deps.turnLogs.append(running.request.turnId, { type: 'status', state: 'stopping', t: Date.now() });
  running.broker.cancelAll('interrupt');
  const agent = thread.agent;
  if (!agent || !running.sessionId) return;
  void agent.process.connection.agent.notify('session/cancel', { sessionId: running.sessionId }).catch((error: unknown) => console.error('[hub/turns] session/cancel failed:', error));
  const timer = setTimeout(() => {
    if (thread.running === running) {
      running.killed = true;
      deps.turnLogs.append(running.request.turnId, { type: 'notice', level: 'warning', message: `The agent did not stop within ${KILL_AFTER_CANCEL_MS / 1000} s; its process was killed.`, t: Date.now() });
      agent.process.kill();
    }
  }, KILL_AFTER_CANCEL_MS);
  timer.unref();
}
