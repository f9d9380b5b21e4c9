import { ACP_API_ERROR_CODES, ACP_API_LIMITS } from '../protocol/index.js';
import { AcpApiError, parseJsonRpcFrame } from '../acp-api/index.js';
import type { ErrorScrubber } from './error-scrub.js';
import type { ClientContext, MethodHandler, MethodHandlers } from './types.js';
import { sizeProblem } from './value-limits.js';

type AnyHandler = (params: unknown, context: ClientContext) => Promise<unknown>;
type RequestId = number | string | null;

/** Longest error message sent to a client; the log keeps the whole one. */
const MAX_ERROR_MESSAGE_CHARS = 2_000;

function errorFrame(id: RequestId, code: number, message: string, data?: unknown): string {
  return JSON.stringify({ jsonrpc: '2.0', id, error: data === undefined ? { code, message } : { code, message, data } });
}

/** A JSON-RPC "invalid request" error frame for a frame the hub will not read. */
export function refusalFrame(id: RequestId, message: string): string {
  return errorFrame(id, ACP_API_ERROR_CODES.invalidRequest, message);
}

/** The request id of an over-sized frame, read from its first bytes only (null when not found there). */
export function idOfFrameHead(data: Buffer): RequestId {
  const match = /"id"\s*:\s*(\d{1,15}|"[^"\\]{0,100}")/.exec(data.subarray(0, 200).toString('utf8'));
  if (!match) return null;
  return match[1].startsWith('"') ? match[1].slice(1, -1) : Number(match[1]);
}

/** Error data, scrubbed like the message (it may quote a path too); dropped when it cannot be. */
function scrubbedData(data: unknown, scrub: ErrorScrubber): unknown {
  if (data === undefined) return undefined;
  try {
    return JSON.parse(scrub(JSON.stringify(data)));
  } catch {
    return undefined;
  }
}

/**
 * Answers one JSON-RPC frame of a client with the matching handler. Handler errors become JSON-RPC
 * errors: an AcpApiError keeps its code and message; anything else is an internal error (-32603)
 * whose message is passed on (the local user needs to know what broke) and logged. Every message
 * goes through `scrub` on the way out, so no host path reaches a client. The returned promise never
 * rejects: no frame, however broken, becomes an unhandled rejection.
 */
export function createRpcDispatcher(handlers: MethodHandlers, scrub: ErrorScrubber) {
  function safeReply(reply: (text: string) => void, text: string): void {
    try {
      reply(text);
    } catch (error) {
      console.warn('[hub] sending an answer failed:', (error as Error)?.message ?? error);
    }
  }

  function replyError(reply: (text: string) => void, id: RequestId | undefined, code: number, message: string, data?: unknown): void {
    if (id === undefined) return; // a notification gets no answer, not even an error
    const text = scrub(message, { internal: code === ACP_API_ERROR_CODES.internal }).slice(0, MAX_ERROR_MESSAGE_CHARS);
    safeReply(reply, errorFrame(id, code, text, scrubbedData(data, scrub)));
  }

  async function answer(text: string, context: ClientContext, reply: (text: string) => void): Promise<void> {
    const parsed = parseJsonRpcFrame(text);
    if (parsed.kind === 'invalid') {
      // parseJsonRpcFrame names a JSON syntax error "not JSON: ..."; JSON-RPC gives it its own code.
      const code = parsed.reason.startsWith('not JSON') ? ACP_API_ERROR_CODES.parseError : ACP_API_ERROR_CODES.invalidRequest;
      return replyError(reply, null, code, parsed.reason);
    }
    if (parsed.kind === 'response') return; // the hub sends no requests to clients
    const { id, method, params } = parsed.frame;
    const handler = (Object.prototype.hasOwnProperty.call(handlers, method) ? handlers[method as keyof MethodHandlers] : undefined) as
      | MethodHandler<never>
      | undefined;
    if (!handler) return replyError(reply, id, ACP_API_ERROR_CODES.methodNotFound, `unknown method ${JSON.stringify(method.slice(0, 200))}`);
    if (params !== undefined && (params === null || typeof params !== 'object')) {
      return replyError(reply, id, ACP_API_ERROR_CODES.invalidParams, `${method}: params must be an object`);
    }
    // Checked before any handler walks them: a recursive walk of deep params overflows the stack.
    const tooDeep = sizeProblem(params, { maxDepth: ACP_API_LIMITS.maxParamsDepth });
    if (tooDeep) return replyError(reply, id, ACP_API_ERROR_CODES.invalidParams, `${method}: params ${tooDeep}`);
    try {
      const result = await (handler as unknown as AnyHandler)(params ?? {}, context);
      if (id !== undefined) safeReply(reply, JSON.stringify({ jsonrpc: '2.0', id, result: result ?? {} }));
    } catch (error) {
      if (AcpApiError.isInstance(error)) return replyError(reply, id, error.code, error.message, error.data);
      console.error(`[hub] ${method} failed:`, error);
      replyError(reply, id, ACP_API_ERROR_CODES.internal, `${method} failed: ${(error as Error)?.message ?? String(error)}`);
    }
  }

  return async function dispatch(text: string, context: ClientContext, reply: (text: string) => void): Promise<void> {
    try {
      await answer(text, context, reply);
    } catch (error) {
      console.error('[hub] answering a frame failed:', error);
      safeReply(reply, errorFrame(null, ACP_API_ERROR_CODES.internal, 'the hub could not answer this frame (see its log)'));
    }
  };
}
