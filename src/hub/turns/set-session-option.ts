import { findAgentDefinition } from '../../agents/index.js';
import { AcpApiError } from '../../acp-api/index.js';
import { AcpConfigSchema, type AcpApiResult } from '../../protocol/index.js';
import type { TurnServiceDeps } from '../types.js';
import type { AgentsService } from './agents-service.js';
import { applyConfig } from './apply-config.js';
import { rootDateOf } from './run-turn.js';
import type { TurnQueues } from './turn-queue.js';

type Change = { path: string; threadKey: string; configId: string; value: string | number | boolean };

/**
 * session.setOption: saves the value in the root's `acp_config.options` and, when the thread's agent
 * is alive and idle in the thread's session, applies it to that session at once
 * (`session/set_config_option`, `session/set_mode` or `session/set_model`, see apply-config.ts). A running or queued turn keeps
 * its config: the change then applies when the next turn starts, and the result (and the running
 * turn's log) says so.
 */
export async function setSessionOption(deps: TurnServiceDeps, queues: TurnQueues, agents: AgentsService, change: Change): Promise<AcpApiResult<'session.setOption'>> {
  const db = await deps.documents.open(change.path);
  const rootDate = rootDateOf(change.threadKey);
  const root = db.get({ date: rootDate, event: 'chat' }).find((row) => !row.reply_to);
  if (!root?.acp_config) throw AcpApiError.notFound(`thread ${change.threadKey} is not an agent thread`);
  const stored = root.acp_config as Record<string, unknown>;
  const options = { ...((stored.options as Record<string, unknown>) ?? {}), [change.configId]: change.value };
  db.set({ date: root.date, sender_id: root.sender_id, event: 'chat', acp_config: { ...stored, options } });
  db.commit();

  const thread = queues.threads.get(`${change.path}\0${change.threadKey}`);
  const agent = thread?.agent;
  const parsed = AcpConfigSchema.safeParse(stored);
  const definition = parsed.success ? findAgentDefinition(parsed.data.agent) : undefined;
  if (!thread || !agent || agent.process.hasExited() || !definition || agent.agentId !== definition.id || !agent.sessionId || agent.sessionId !== parsed.data?.sessionId) {
    return { applied: 'next-turn', message: 'Saved; no agent session is running for this thread, so the next turn applies it.' };
  }
  if (thread.running || thread.queue.length > 0 || thread.changingOptions) {
    const message = `Saved; a turn is running, so ${change.configId} = ${String(change.value)} applies when the next turn starts.`;
    if (thread.running) deps.turnLogs.append(thread.running.request.turnId, { type: 'notice', level: 'info', message, t: Date.now() });
    return { applied: 'next-turn', message };
  }
  queues.pool.busy(thread);
  let notices: string[] = [];
  const applying = (async () => {
    const modeIds = agent.modes?.availableModes.map((mode) => mode.id) ?? [];
    const reported = { configOptions: agent.configOptions ?? [], modeIds, models: agent.models };
    const result = await applyConfig(agent.connection, agent.sessionId!, { agent: definition.id, options: { [change.configId]: change.value } }, definition, reported);
    agent.configOptions = result.configOptions;
    if (change.configId === 'mode' && agent.modes) agent.modes = { ...agent.modes, currentModeId: String(change.value) };
    if (change.configId === 'model' && agent.models && result.notices.length === 0) agent.models = { ...agent.models, currentModelId: String(change.value) };
    notices = result.notices;
    if (result.notices.length === 0) agents.learn(definition.id, { configOptions: result.configOptions });
  })();
  thread.changingOptions = applying;
  try {
    await applying;
  } finally {
    thread.changingOptions = undefined;
    queues.pool.settled(thread);
  }
  if (notices.length > 0) return { applied: 'next-turn', message: `Saved, but the running session did not take it (${notices.join(' ')}); the next turn tries again.` };
  return { applied: 'now', message: `${change.configId} = ${String(change.value)} applied to the running session.` };
}
