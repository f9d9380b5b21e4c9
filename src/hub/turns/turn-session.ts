import type { AgentDefinition } from '../../agents/index.js';
import { isAgentError } from './agent-errors.js';
import type { AgentsService } from './agents-service.js';
import { applyConfig } from './apply-config.js';
import { sandboxNotices } from './sandbox-notice.js';
import { openSession, type OpenedSession, type ThreadAgent } from './thread-agent.js';
import type { TurnContext } from './turn-context.js';

/**
 * Step 3 of a turn: opens the thread's session (see openSession), records its id on the root and
 * the row, applies the thread's config to it and logs the `session` event. A sign-in error (ACP
 * auth_required) marks the agent signed out; `signIn` (a URL sign-in, url-sign-in.ts) is then tried
 * once before the session is opened again, else the error says how to sign in.
 */
export async function openTurnSession(context: TurnContext, agent: ThreadAgent, definition: AgentDefinition, cwd: string, agents: AgentsService, signIn?: () => Promise<boolean>): Promise<OpenedSession> {
  const { config, root, db, row, log } = context;
  const wanted = { sessionId: config.sessionId || undefined, forkFromSessionId: config.forkSessionId || undefined };
  const open = () => openSession(agent, cwd, wanted, (message) => log.notice(message));
  let session: OpenedSession;
  try {
    session = await open();
  } catch (error) {
    if (!isAgentError(error, 'auth-required')) throw error;
    agents.learn(definition.id, { signedIn: false });
    if (!(await signIn?.())) throw new Error(`${definition.label} needs sign-in (${error.message}). Use agents.authenticate (e.g. an API key) and send again.`);
    session = await open();
  }
  agents.learn(definition.id, { configOptions: session.configOptions, capabilities: agent.connection.capabilitiesWith(session), models: session.models?.availableModels.map((model) => model.modelId) ?? [], signedIn: true });
  if (session.sessionId !== config.sessionId && root) {
    db.set({ date: root.date, sender_id: root.sender_id, event: 'chat', acp_config: { ...config, sessionId: session.sessionId } });
    db.commit();
  }
  row.update({ acp_thread_id: session.sessionId });
  const modeIds = session.modes?.availableModes.map((mode) => mode.id) ?? [];
  const applied = await applyConfig(agent.connection, session.sessionId, config, definition, { configOptions: session.configOptions, modeIds, models: session.models });
  applied.notices.forEach((message) => log.notice(message));
  sandboxNotices(definition, config.sessionMode).forEach((message) => log.notice(message));
  agent.configOptions = applied.configOptions;
  agent.modes = session.modes;
  agent.models = session.models;
  if (session.how === 'fork') log.notice(`The agent forked session ${config.forkSessionId} of the thread this one was forked from.`, 'info');
  log.event({ type: 'session', sessionId: session.sessionId, agent: definition.id, modes: session.modes ?? undefined, configOptions: applied.configOptions, t: Date.now() });
  return { ...session, configOptions: applied.configOptions };
}
