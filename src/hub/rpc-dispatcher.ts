import { ACP_API_ERROR_CODES } from '../protocol/index.js';
import { AcpApiError, parseJsonRpcFrame } from '../acp-api/index.js';
import type { ClientContext, MethodHandler, MethodHandlers } from './types.js';

type AnyHandler = (params: unknown, context: ClientContext) => Promise<unknown>;

function errorFrame(id: number | string | null, code: number, message: string, data?: unknown): string {
  return JSON.stringify({ jsonrpc: '2.0', id, error: data === undefined ? { code, message } : { code, message, data } });
}

/** A JSON-RPC "invalid request" error frame for a frame the hub will not read. */
export function refusalFrame(id: number | string | null, message: string): string {
  return errorFrame(id, ACP_API_ERROR_CODES.invalidRequest, message);
}

/** The request id of an over-sized frame, read from its first bytes only (null when not found there). */
export function idOfFrameHead(data: Buffer): number | string | null {
  const match = /"id"\s*:\s*(\d{1,15}|"[^"\\]{0,100}")/.exec(data.subarray(0, 200).toString('utf8'));
  if (!match) return null;
  return match[1].startsWith('"') ? match[1].slice(1, -1) : Number(match[1]);
}

/**
 * Answers one JSON-RPC frame of a client with the matching handler. Handler errors become JSON-RPC
 * errors: an AcpApiError keeps its code and message; anything else is an internal error whose message
 * is passed on (the local user needs to know what broke) and logged.
 */
export function createRpcDispatcher(handlers: MethodHandlers) {
  return async function dispatch(text: string, context: ClientContext, reply: (text: string) => void): Promise<void> {
    const parsed = parseJsonRpcFrame(text);
    if (parsed.kind === 'invalid') return reply(errorFrame(null, ACP_API_ERROR_CODES.invalidRequest, parsed.reason));
    if (parsed.kind === 'response') return; // the hub sends no requests to clients
    const { id, method, params } = parsed.frame;
    const handler = (Object.prototype.hasOwnProperty.call(handlers, method) ? handlers[method as keyof MethodHandlers] : undefined) as
      | MethodHandler<never>
      | undefined;
    if (!handler) {
      if (id !== undefined) reply(errorFrame(id, ACP_API_ERROR_CODES.methodNotFound, `unknown method ${JSON.stringify(method)}`));
      return;
    }
    try {
      const result = await (handler as unknown as AnyHandler)(params ?? {}, context);
      if (id !== undefined) reply(JSON.stringify({ jsonrpc: '2.0', id, result: result ?? {} }));
    } catch (error) {
      if (AcpApiError.isInstance(error)) {
        if (id !== undefined) reply(errorFrame(id, error.code, error.message, error.data));
        return;
      }
      console.error(`[hub] ${method} failed:`, error);
      if (id !== undefined) reply(errorFrame(id, ACP_API_ERROR_CODES.internal, `${method} failed: ${(error as Error)?.message ?? String(error)}`));
    }
  };
}
