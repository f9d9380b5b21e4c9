import { ACP_API_ERROR_CODES } from '../protocol/index.js';

/** Error codes raised by the client itself (beyond the JSON-RPC codes the hub sends). */
export const ACP_API_CLIENT_ERROR_CODES = {
  /** No answer within the call's timeout. */
  timeout: -32050,
  /** The connection dropped while the call was in flight; the hub may or may not have applied it. */
  connectionLost: -32051,
  /** The client was closed. */
  closed: -32052,
} as const;

const BRAND = Symbol.for('codex-chat.AcpApiError');

/** A failed acp-api call: a JSON-RPC error from the hub, or a client-side timeout/disconnect. */
export class AcpApiError extends Error {
  readonly code: number;
  readonly data: unknown;
  readonly [BRAND] = true;

  constructor(code: number, message: string, options: { cause?: unknown; data?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'AcpApiError';
    this.code = code;
    this.data = options.data;
  }

  /** True for any AcpApiError, also one created by another copy of this module. */
  static isInstance(error: unknown): error is AcpApiError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[BRAND] === true;
  }

  static forbidden(message: string): AcpApiError {
    return new AcpApiError(ACP_API_ERROR_CODES.forbidden, message);
  }

  static invalidParams(message: string): AcpApiError {
    return new AcpApiError(ACP_API_ERROR_CODES.invalidParams, message);
  }

  static notFound(message: string): AcpApiError {
    return new AcpApiError(ACP_API_ERROR_CODES.notFound, message);
  }
}
