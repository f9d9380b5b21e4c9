// The JSON-RPC 2.0 frames of `/api/ws`, parsed in this one place for both the client and the hub.

/** A request (with id) or a notification (without). */
export type JsonRpcRequest = { jsonrpc: '2.0'; id?: number | string; method: string; params?: unknown };
/** The error member of a failed response. */
export type JsonRpcErrorObject = { code: number; message: string; data?: unknown };
/** A response to a request. */
export type JsonRpcResponse =
  | { jsonrpc: '2.0'; id: number | string | null; result: unknown }
  | { jsonrpc: '2.0'; id: number | string | null; error: JsonRpcErrorObject };

/** What one text frame holds, or why it is not valid JSON-RPC. */
export type ParsedFrame =
  | { kind: 'request'; frame: JsonRpcRequest }
  | { kind: 'response'; frame: JsonRpcResponse }
  | { kind: 'invalid'; reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses one frame; never throws. */
export function parseJsonRpcFrame(text: string): ParsedFrame {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { kind: 'invalid', reason: `not JSON: ${(error as Error).message}` };
  }
  if (!isRecord(value) || value.jsonrpc !== '2.0') return { kind: 'invalid', reason: 'not a JSON-RPC 2.0 object' };
  const id = value.id;
  if (id !== undefined && id !== null && typeof id !== 'number' && typeof id !== 'string') {
    return { kind: 'invalid', reason: 'id must be a number or a string' };
  }
  if (typeof value.method === 'string') return { kind: 'request', frame: value as JsonRpcRequest };
  if ('result' in value) return { kind: 'response', frame: value as JsonRpcResponse };
  if (isRecord(value.error) && typeof value.error.code === 'number' && typeof value.error.message === 'string') {
    return { kind: 'response', frame: value as JsonRpcResponse };
  }
  return { kind: 'invalid', reason: 'neither a request nor a response' };
}
