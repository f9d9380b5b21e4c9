// The wire of one agent process's ACP connection: opens it and runs `initialize`. Every request
// after that goes through AgentConnection (agent-connection.ts).
import {
  client,
  ndJsonStream,
  type ClientCapabilities,
  type ClientConnection,
  type CompleteElicitationNotification,
  type CreateElicitationRequest,
  type CreateElicitationResponse,
  type InitializeResponse,
  type RequestPermissionRequest,
  type RequestPermissionResponse,
  type SessionNotification,
} from '@agentclientprotocol/sdk';

/** What the connection hands to the turn runner. */
export type AcpClientHandlers = {
  onUpdate(notification: SessionNotification): void;
  onPermission(request: RequestPermissionRequest, signal: AbortSignal): Promise<RequestPermissionResponse>;
  /** `elicitation/create` (we advertise URL mode only); without a handler every elicitation is answered `cancel`. */
  onElicitation?(request: CreateElicitationRequest, signal: AbortSignal): Promise<CreateElicitationResponse>;
  /** `elicitation/complete`: the agent says a URL elicitation it sent is over (the sign-in finished). */
  onElicitationComplete?(notification: CompleteElicitationNotification): void;
};

/**
 * What we tell an agent we can do. No fs or terminal methods. `_meta.terminal_output` asks codex-acp
 * and claude-agent-acp to send command output inside tool_call_update `_meta` (the activity reducer
 * reads it). `elicitation.url` (ACP URL elicitation: we show a URL and code to the user who started
 * the turn) makes codex-acp offer its `chat-gpt-device-code` sign-in; `auth._meta.gateway` makes it
 * offer `gateway` (a site's own model gateway).
 */
export const CLIENT_CAPABILITIES: ClientCapabilities = {
  fs: { readTextFile: false, writeTextFile: false },
  terminal: false,
  elicitation: { url: {} },
  auth: { _meta: { gateway: true } },
  _meta: { terminal_output: true },
};

/** An initialized ACP connection to one agent (agent-connection.ts's AgentConnection speaks over it). */
export type InitializedConnection = { connection: ClientConnection; initialize: InitializeResponse };

/** Connects over the agent's stdio and runs `initialize` with CLIENT_CAPABILITIES. */
export async function connectAgent(
  stdin: WritableStream<Uint8Array>,
  stdout: ReadableStream<Uint8Array>,
  handlers: AcpClientHandlers,
): Promise<InitializedConnection> {
  const app = client({ name: 'codex-chat' })
    .onNotification('session/update', ({ params }) => handlers.onUpdate(params))
    .onRequest('session/request_permission', ({ params, signal }) => handlers.onPermission(params, signal))
    .onRequest('elicitation/create', ({ params, signal }) => handlers.onElicitation?.(params, signal) ?? { action: 'cancel' })
    .onNotification('elicitation/complete', ({ params }) => handlers.onElicitationComplete?.(params));
  const connection = app.connect(ndJsonStream(stdin, stdout));
  const initialize = await connection.agent.request('initialize', {
    protocolVersion: 1,
    clientCapabilities: CLIENT_CAPABILITIES,
    clientInfo: { name: 'codex-chat', version: '0.1.0' },
  });
  return { connection, initialize };
}
