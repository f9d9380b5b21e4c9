// The wire of one agent process's ACP connection: opens it and runs `initialize`. Every request
// after that goes through AgentConnection (agent-connection.ts).
import {
  client,
  ndJsonStream,
  type ClientConnection,
  type InitializeResponse,
  type RequestPermissionRequest,
  type RequestPermissionResponse,
  type SessionNotification,
} from '@agentclientprotocol/sdk';

/** What the connection hands to the turn runner. */
export type AcpClientHandlers = {
  onUpdate(notification: SessionNotification): void;
  onPermission(request: RequestPermissionRequest, signal: AbortSignal): Promise<RequestPermissionResponse>;
};

/** An initialized ACP connection to one agent (agent-connection.ts's AgentConnection speaks over it). */
export type InitializedConnection = { connection: ClientConnection; initialize: InitializeResponse };

/**
 * Connects over the agent's stdio and runs `initialize`. We implement no fs or terminal methods
 * for the agent, so we advertise none; `_meta.terminal_output` asks codex-acp and claude-agent-acp to
 * send command output inside tool_call_update `_meta` (the activity reducer reads it).
 */
export async function connectAgent(
  stdin: WritableStream<Uint8Array>,
  stdout: ReadableStream<Uint8Array>,
  handlers: AcpClientHandlers,
): Promise<InitializedConnection> {
  const app = client({ name: 'codex-chat' })
    .onNotification('session/update', ({ params }) => handlers.onUpdate(params))
    .onRequest('session/request_permission', ({ params, signal }) => handlers.onPermission(params, signal));
  const connection = app.connect(ndJsonStream(stdin, stdout));
  const initialize = await connection.agent.request('initialize', {
    protocolVersion: 1,
    clientCapabilities: { fs: { readTextFile: false, writeTextFile: false }, terminal: false, _meta: { terminal_output: true } },
    clientInfo: { name: 'codex-chat', version: '0.1.0' },
  });
  return { connection, initialize };
}
