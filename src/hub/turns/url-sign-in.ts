import type { AgentAuthMethod } from '../../protocol/index.js';
import type { TurnServiceDeps } from '../types.js';
import { isAgentError } from './agent-errors.js';
import { elicitationBrokerFor } from './elicitation-broker.js';
import type { ThreadAgent } from './thread-agent.js';
import type { TurnLog } from './turn-context.js';
import type { RunningTurn } from './types.js';

/**
 * Auth methods that sign in through ACP URL elicitation: codex-acp's ChatGPT device code (offered
 * once the client advertises `elicitation.url`) and the demo agent's offline stand-in for it.
 */
export const URL_SIGN_IN_METHODS: readonly string[] = ['chat-gpt-device-code', 'demo-device-code'];

/** The agent's URL sign-in method, if it offers one. */
export function urlSignInMethod(authMethods: readonly AgentAuthMethod[]): AgentAuthMethod | undefined {
  return authMethods.find((method) => URL_SIGN_IN_METHODS.includes(method.id));
}

/**
 * The session said "sign in first": runs the agent's URL sign-in, which shows its page and code to
 * the account that started the turn (thread-elicitations.ts) and waits. Resolves true once signed
 * in, false when the agent offers no such method; throws a clear error when the user cancels or
 * declines, or the sign-in fails. An interrupt of the turn stops it too.
 */
export async function signInWithUrl(deps: TurnServiceDeps, running: RunningTurn, agent: ThreadAgent, label: string, log: TurnLog): Promise<boolean> {
  const method = urlSignInMethod(agent.connection.capabilities.authMethods);
  if (!method) return false;
  const signIn: NonNullable<RunningTurn['signIn']> = { abort: new AbortController() };
  running.signIn = signIn;
  log.notice(`${label} needs sign-in (${method.name}): the page to open and the code to enter are shown to whoever sent this message.`, 'info');
  try {
    await agent.connection.authenticate(method.id, undefined, signIn.abort.signal);
  } catch (error) {
    if (running.interruptRequested || isAgentError(error, 'agent-exited')) throw error;
    if (signIn.refused) throw new Error(`Sign-in to ${label} was refused: ${signIn.refused}.`);
    if (signIn.abort.signal.aborted || signIn.answer === 'cancel' || signIn.answer === 'decline') {
      throw new Error(`Sign-in to ${label} was cancelled, so the message was not sent to the agent. Send it again to sign in, or add an API key.`);
    }
    throw new Error(`Sign-in to ${label} (${method.name}) failed: ${(error as Error).message}`);
  } finally {
    running.signIn = undefined;
    // Whatever the agent left open (it did not send elicitation/complete) is over for the page too.
    elicitationBrokerFor(deps.notifyAccount).finishTurn(running.request.turnId);
  }
  log.notice(`Signed in to ${label}.`, 'info');
  return true;
}
