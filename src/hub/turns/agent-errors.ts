/** Why an ACP request to an agent failed, told by the JSON-RPC error code or the process state (never by message text). */
export type AgentErrorKind = 'auth-required' | 'method-not-found' | 'agent-exited' | 'agent-error';

/** ACP / JSON-RPC error codes the hub tells apart. */
const AUTH_REQUIRED = -32000;
const METHOD_NOT_FOUND = -32601;

/** A failed ACP request: its kind, the method, and (when the agent died) the tail of its stderr. */
export class AgentRequestError extends Error {
  constructor(
    readonly kind: AgentErrorKind,
    readonly method: string,
    message: string,
    readonly stderrTail = '',
  ) {
    super(message);
    this.name = 'AgentRequestError';
  }
}

/** The kind of a JSON-RPC error an agent answered with (the SDK's RequestError carries `code`). */
export function kindOfRpcError(error: unknown): AgentErrorKind {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === AUTH_REQUIRED) return 'auth-required';
  if (code === METHOD_NOT_FOUND) return 'method-not-found';
  return 'agent-error';
}

/** Whether an error is an AgentRequestError of one of `kinds`. */
export function isAgentError(error: unknown, ...kinds: AgentErrorKind[]): error is AgentRequestError {
  return error instanceof AgentRequestError && (kinds.length === 0 || kinds.includes(error.kind));
}
