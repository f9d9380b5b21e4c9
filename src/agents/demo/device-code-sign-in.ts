// The demo agent's stand-in for codex-acp's `chat-gpt-device-code` sign-in, offline: the same ACP
// URL elicitation (a page to open and a code to enter in the message, request-scoped), then, once
// the user accepts, a short wait standing in for the user entering the code, and
// `elicitation/complete`. Nothing is fetched: the page is under the reserved `.invalid` domain.
import { randomInt, randomUUID } from 'node:crypto';
import { RequestError, type AgentContext, type AuthMethod, type ClientCapabilities, type JsonRpcId } from '@agentclientprotocol/sdk';

/** The method id; the hub knows it as a URL sign-in (src/hub/turns/url-sign-in.ts). */
export const DEMO_DEVICE_CODE_METHOD: AuthMethod = {
  id: 'demo-device-code',
  name: 'Demo account (device code)',
  description: 'Sign in to the demo account by opening a verification page and entering a one-time code (offline, nothing is fetched)',
};

/** Set in the agent's environment, every new process of the demo agent needs a sign-in before its sessions open. */
export const DEMO_REQUIRE_SIGN_IN_ENV = 'DEMO_AGENT_REQUIRE_SIGN_IN';

/** How long the demo "polls" after the user accepted before its sign-in completes. */
const COMPLETES_AFTER_MS = 150;

/** Whether the client advertised ACP URL elicitation (codex-acp's test, too). */
export function supportsUrlElicitation(capabilities: ClientCapabilities | undefined): boolean {
  return capabilities?.elicitation?.url != null;
}

/** A code like codex's device codes: two groups of four. */
function deviceCode(): string {
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const pick = () => Array.from({ length: 4 }, () => letters[randomInt(letters.length)]).join('');
  return `${pick()}-${pick()}`;
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(RequestError.requestCancelled())), { once: true });
  });
}

/** Runs the sign-in of one `authenticate` request; resolves once signed in, rejects as codex-acp does. */
export async function signInWithDeviceCode(client: AgentContext, requestId: JsonRpcId, signal: AbortSignal): Promise<void> {
  const elicitationId = randomUUID();
  const code = deviceCode();
  const answer = await client.request(
    'elicitation/create',
    { mode: 'url', requestId, elicitationId, url: `https://sign-in.demo.invalid/device?session=${elicitationId.slice(0, 8)}`, message: `Sign in to the demo account and enter this code: ${code}` },
    { cancellationSignal: signal },
  );
  if (answer.action !== 'accept') throw RequestError.authRequired({ methodId: DEMO_DEVICE_CODE_METHOD.id }, 'Sign-in did not complete');
  try {
    await wait(COMPLETES_AFTER_MS, signal);
  } finally {
    await client.notify('elicitation/complete', { elicitationId }).catch(() => {});
  }
}
