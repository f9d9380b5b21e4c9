import type { CreateElicitationRequest, CreateElicitationResponse } from '@agentclientprotocol/sdk';
import { isWebUrl } from '../../protocol/index.js';
import type { AcpClientHandlers } from './acp-connection.js';
import { elicitationBrokerFor, type NotifyAccount } from './elicitation-broker.js';
import type { ThreadState } from './types.js';

type ElicitationHandlers = Required<Pick<AcpClientHandlers, 'onElicitation' | 'onElicitationComplete'>>;

// codex-acp (and the demo agent) put the code in the message: "... enter this code: ABCD-1234".
const CODE_IN_MESSAGE = /\bcode:\s*([A-Za-z0-9][A-Za-z0-9-]{2,40})\s*$/;

/** The one-time code an agent's message asks the user to enter, for the page's copy button. */
export function codeInMessage(message: string): string | undefined {
  return CODE_IN_MESSAGE.exec(message)?.[1];
}

/**
 * Routes the URL elicitations of a thread's agent to the account that started the running turn
 * (elicitation-broker.ts). With no running turn, for a form elicitation (we advertise URL mode
 * only) or a URL that is not http(s), the agent is answered at once without asking anyone.
 */
export function threadElicitationHandlers(thread: ThreadState, notifyAccount: NotifyAccount): ElicitationHandlers {
  const broker = elicitationBrokerFor(notifyAccount);
  // The agent's elicitation id -> the hub's, for the agent's `elicitation/complete`.
  const hubIds = new Map<string, string>();
  return {
    async onElicitation(request: CreateElicitationRequest, signal: AbortSignal): Promise<CreateElicitationResponse> {
      const running = thread.running;
      if (!running || request.mode !== 'url' || typeof request.url !== 'string' || typeof request.elicitationId !== 'string') return { action: 'cancel' };
      if (!isWebUrl(request.url)) {
        if (running.signIn) running.signIn.refused = `the agent's sign-in page is not an http(s) URL (${request.url.slice(0, 80)})`;
        return { action: 'decline' };
      }
      const agentElicitationId = request.elicitationId;
      const message = String(request.message).slice(0, 2_000);
      const code = codeInMessage(message);
      const asked = broker.ask({
        accountId: running.request.accountId,
        turnId: running.request.turnId,
        agent: thread.agent?.agentId ?? '',
        message,
        url: request.url,
        ...(code ? { code } : {}),
        signal,
        onCancelAfterAccept: () => running.signIn?.abort.abort(),
      });
      hubIds.set(agentElicitationId, asked.elicitationId);
      const action = await asked.answer;
      if (action !== 'accept') hubIds.delete(agentElicitationId);
      if (running.signIn) running.signIn.answer = action;
      return { action };
    },
    onElicitationComplete({ elicitationId }) {
      const hubId = hubIds.get(elicitationId);
      if (!hubId) return;
      hubIds.delete(elicitationId);
      broker.finish(hubId);
    },
  };
}
