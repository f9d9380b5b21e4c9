// The demo agent: a real ACP agent process (stdin/stdout, newline-delimited JSON-RPC), offline
// and deterministic. Run: node --import tsx src/agents/demo/main.ts
import { randomUUID } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { agent, ndJsonStream, RequestError, type ContentBlock, type PromptResponse, type SessionUpdate } from '@agentclientprotocol/sdk';
import type { ForkSessionRequest } from '@agentclientprotocol/sdk/unstable';
import { BEHAVIOURS, pickBehaviour } from './behaviours.js';
import { DEMO_DEFAULT_VALUES, DEMO_MODES, demoConfigOptions } from './demo-config.js';
import { DemoCancelled, DemoTurn } from './demo-turn.js';
import { DEMO_DEVICE_CODE_METHOD, DEMO_REQUIRE_SIGN_IN_ENV, signInWithDeviceCode, supportsUrlElicitation } from './device-code-sign-in.js';
import { loadDemoSession, saveDemoSession, type DemoSession } from './session-store.js';

const sessions = new Map<string, DemoSession>();
const running = new Map<string, AbortController>();
// Sessions this process has told its slash commands (like codex-acp, once, at the first prompt).
const commandsAnnounced = new Set<string>();
const SLASH_COMMANDS = BEHAVIOURS.map((behaviour) => ({ name: behaviour.keyword, description: behaviour.summary, input: null }));
// Signed in for the life of this process (the demo keeps no login); only asked for when the env says so.
let signedIn = !process.env[DEMO_REQUIRE_SIGN_IN_ENV];
let urlElicitation = false;

/** Sessions open only once signed in (ACP auth_required, as codex-acp answers session/new signed out). */
function requireSignIn(): void {
  if (!signedIn) throw RequestError.authRequired(undefined, 'Sign in to the demo account first');
}

function sessionState(session: DemoSession) {
  return { modes: { availableModes: DEMO_MODES, currentModeId: session.values.mode }, configOptions: demoConfigOptions(session.values) };
}

function openSession(cwd: string, sessionId: string): DemoSession {
  requireSignIn();
  const session = sessions.get(sessionId) ?? loadDemoSession(cwd, sessionId);
  if (!session) throw RequestError.resourceNotFound(sessionId);
  sessions.set(sessionId, session);
  return session;
}

function requireSession(sessionId: string): DemoSession {
  const session = sessions.get(sessionId);
  if (!session) throw RequestError.resourceNotFound(sessionId);
  return session;
}

function promptText(prompt: ContentBlock[]): string {
  return prompt.map((block) => (block.type === 'text' ? block.text : block.type === 'resource_link' ? `@${block.name}` : `[${block.type}]`)).join(' ');
}

const app = agent({ name: 'codex-chat-demo' })
  .onRequest('initialize', ({ params }) => {
    urlElicitation = supportsUrlElicitation(params.clientCapabilities);
    return {
      protocolVersion: 1,
      agentCapabilities: {
        loadSession: true,
        promptCapabilities: { image: true, embeddedContext: true },
        sessionCapabilities: { resume: {}, fork: {} },
      },
      // Like codex-acp's device code: offered only to a client that can show a URL elicitation.
      authMethods: urlElicitation ? [DEMO_DEVICE_CODE_METHOD] : [],
      agentInfo: { name: 'codex-chat-demo', title: 'Demo', version: '1.0.0' },
    };
  })
  .onRequest('authenticate', async ({ params, client, signal, requestId }) => {
    if (params.methodId !== DEMO_DEVICE_CODE_METHOD.id) throw RequestError.invalidParams({ methodId: params.methodId });
    if (!urlElicitation) throw RequestError.invalidRequest(undefined, 'Device code sign-in requires URL elicitation support');
    await signInWithDeviceCode(client, requestId, signal);
    signedIn = true;
    return {};
  })
  .onRequest('session/new', ({ params }) => {
    requireSignIn();
    const session: DemoSession = { id: randomUUID(), cwd: params.cwd, values: { ...DEMO_DEFAULT_VALUES }, alwaysAllowWrites: false, history: [] };
    sessions.set(session.id, session);
    saveDemoSession(session);
    return { sessionId: session.id, ...sessionState(session) };
  })
  .onRequest('session/load', async ({ params, client }) => {
    const session = openSession(params.cwd, params.sessionId);
    for (const update of session.history) await client.notify('session/update', { sessionId: session.id, update });
    return sessionState(session);
  })
  // `session/fork` is not in the stable ACP schema yet (the SDK's unstable part), hence the parser.
  .onRequest('session/fork', (params: unknown) => params as ForkSessionRequest, ({ params }) => {
    // A new session that starts with the source's history and settings; the source is untouched.
    const source = openSession(params.cwd, params.sessionId);
    const session: DemoSession = { ...structuredClone(source), id: randomUUID(), cwd: params.cwd, forkedFrom: source.id };
    sessions.set(session.id, session);
    saveDemoSession(session);
    return { sessionId: session.id, ...sessionState(session) };
  })
  .onRequest('session/resume', ({ params }) => sessionState(openSession(params.cwd, params.sessionId)))
  .onRequest('session/set_mode', ({ params }) => {
    requireSession(params.sessionId).values.mode = params.modeId;
  })
  .onRequest('session/set_config_option', ({ params }) => {
    const session = requireSession(params.sessionId);
    const option = demoConfigOptions(session.values).find((candidate) => candidate.id === params.configId);
    const allowed = option?.type === 'select' && option.options.some((entry) => 'value' in entry && entry.value === params.value);
    if (!allowed) throw RequestError.invalidParams({ configId: params.configId, value: params.value });
    session.values[params.configId] = String(params.value);
    return { configOptions: demoConfigOptions(session.values) };
  })
  .onRequest('session/prompt', async ({ params, client }) => {
    const session = requireSession(params.sessionId);
    const text = promptText(params.prompt);
    const behaviour = pickBehaviour(text);
    const controller = new AbortController();
    // The stubborn behaviour ignores session/cancel on purpose (the hub must kill it).
    if (behaviour.keyword !== 'stubborn') running.set(session.id, controller);
    const turn = new DemoTurn(session, client, controller.signal);
    if (!commandsAnnounced.has(session.id)) {
      commandsAnnounced.add(session.id);
      await client.notify('session/update', { sessionId: session.id, update: { sessionUpdate: 'available_commands_update', availableCommands: SLASH_COMMANDS } });
    }
    const userMessage: SessionUpdate = { sessionUpdate: 'user_message_chunk', content: { type: 'text', text } };
    session.history.push(userMessage);
    try {
      await behaviour.run(turn, text);
      // Token counts at the top level, where codex-acp puts them (ACP's unstable PromptResponse.usage).
      const usage = { inputTokens: text.length, outputTokens: 120, totalTokens: text.length + 120 };
      return { stopReason: 'end_turn' as const, usage } as PromptResponse;
    } catch (error) {
      if (error instanceof DemoCancelled) return { stopReason: 'cancelled' as const };
      throw error;
    } finally {
      running.delete(session.id);
      turn.save();
    }
  })
  .onNotification('session/cancel', ({ params }) => {
    running.get(params.sessionId)?.abort();
  });

const connection = app.connect(ndJsonStream(Writable.toWeb(process.stdout), Readable.toWeb(process.stdin) as ReadableStream<Uint8Array>));
await connection.closed;
process.exit(0);
