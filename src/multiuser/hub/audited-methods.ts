import { AcpApiError } from '../../acp-api/index.js';
import { ACP_API_ERROR_CODES } from '../../protocol/index.js';
import type { ClientContext, MethodHandlers } from '../../hub/types.js';
import { auditOfCall, auditOfRefusal, type AuditLog } from '../audit/index.js';

type AnyHandler = (params: unknown, context: ClientContext) => Promise<unknown>;

/** What the router and the hub-level methods tell the audit: calls that ran and calls refused. */
export function createCallAudit(audit: AuditLog) {
  return {
    refused(method: string, params: unknown, context: ClientContext, reason: string): void {
      audit.record(auditOfRefusal(method, params, context, reason));
    },
    called(method: string, params: unknown, context: ClientContext, outcome: { ok: true; result: unknown } | { ok: false; message: string }): void {
      for (const entry of auditOfCall(method, params, context, outcome)) audit.record(entry);
    },
  };
}

export type CallAudit = ReturnType<typeof createCallAudit>;

/** The hub-level handlers with their calls audited: a forbidden answer is a 'refused' row, anything else goes to auditOfCall. */
export function auditedMethods(handlers: MethodHandlers, calls: CallAudit): MethodHandlers {
  const audited: Record<string, AnyHandler> = {};
  for (const [method, handler] of Object.entries(handlers) as unknown as Array<[string, AnyHandler]>) {
    audited[method] = async (params, context) => {
      try {
        const result = await handler(params, context);
        calls.called(method, params, context, { ok: true, result });
        return result;
      } catch (error) {
        const message = (error as Error)?.message ?? String(error);
        if (AcpApiError.isInstance(error) && error.code === ACP_API_ERROR_CODES.forbidden) calls.refused(method, params, context, message);
        else calls.called(method, params, context, { ok: false, message });
        throw error;
      }
    };
  }
  return audited as MethodHandlers;
}
