import type { SessionUpdate } from '@agentclientprotocol/sdk';
import type { AgentDefinition } from '../../agents/index.js';
import type { TurnServiceDeps } from '../types.js';
import { toPermissionResponse } from './permission-broker.js';
import { preparePrompt } from './prepare-prompt.js';
import { redactSecret } from './redact-secret.js';
import { relativizePaths } from './relativize-paths.js';
import type { OpenedSession, ThreadAgent } from './thread-agent.js';
import type { TurnContext } from './turn-context.js';
import type { RunningTurn } from './types.js';

/** The prompt blocks: a forked thread's first session is primed with the transcript its root carries (see fork-thread.ts). */
function promptBlocks(deps: TurnServiceDeps, context: TurnContext, session: OpenedSession, acceptsImages: boolean) {
  const { config, root, request } = context;
  const transcript = String((root?.history as Array<{ content?: string }> | undefined)?.[0]?.content ?? '');
  const primer = config.forkedFrom && session.how === 'new' && root ? [{ type: 'text' as const, text: `Context from the thread this one was forked from:\n${transcript}\n---\n` }] : [];
  return preparePrompt([...primer, ...request.prompt], { root: deps.root, acceptsImages });
}

/**
 * Step 4 of a turn, the stream: from here the session's updates are logged (paths made
 * workspace-relative, the secret redacted; the agent's own update, for fidelity) and its
 * permission requests go to the broker.
 */
export function streamTurn(deps: TurnServiceDeps, context: TurnContext, running: RunningTurn, sessionId: string): void {
  const { log } = context;
  running.sessionId = sessionId;
  running.onUpdate = (raw) => {
    log.event({ type: 'update', update: redactSecret(relativizePaths(raw as SessionUpdate, deps.root), log.secret()), t: Date.now() });
  };
  running.onPermission = async (permission) => {
    const requestId = `${permission.toolCall.toolCallId}:${Date.now().toString(36)}`;
    const toolCall = relativizePaths(permission.toolCall, deps.root);
    log.event({ type: 'permission', requestId, toolCall, options: permission.options, state: 'pending', t: Date.now() });
    log.status('awaiting-permission');
    const decision = await running.broker.wait(requestId, permission.options, deps.settings().permission_timeout_ms);
    log.event({ type: 'permission', requestId, toolCall, options: permission.options, ...decision, decidedAt: new Date().toISOString(), t: Date.now() });
    if (!running.interruptRequested) log.status('running');
    return toPermissionResponse(decision);
  };
}

/**
 * Step 4 of a turn, the prompt: sends it and waits for the answer; logs the `result` with the
 * turn's token counts as the agent's adapter reads them. Returns the stop reason.
 */
export async function promptTurn(deps: TurnServiceDeps, context: TurnContext, running: RunningTurn, agent: ThreadAgent, definition: AgentDefinition, session: OpenedSession): Promise<string> {
  const { log, row, acpTurn } = context;
  const prompt = promptBlocks(deps, context, session, agent.connection.acceptsImages());
  prompt.notices.forEach((message) => log.notice(message));
  log.event({ type: 'prompt', prompt: prompt.blocks, t: Date.now() });
  streamTurn(deps, context, running, session.sessionId);
  // Interrupted while starting: never send the prompt.
  if (running.interruptRequested) throw new Error('interrupted before the prompt was sent');
  log.status('running');
  row.update({ acp_turn: { ...acpTurn, state: 'running' } });
  const commands = await agent.process.markCommands();
  const result = await agent.connection.prompt(session.sessionId, prompt.blocks);
  if (running.interruptRequested) await agent.process.endCommandsSince(commands); // what the cancel left running
  const usage = definition.readTokens(result);
  log.event({ type: 'result', stopReason: result.stopReason, ...(usage ? { usage } : {}), t: Date.now() });
  return result.stopReason;
}
