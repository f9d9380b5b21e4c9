import type { z } from 'zod';
import { parseWith } from '../protocol/index.js';
import { AcpApiError } from '../acp-api/index.js';

/** Validates a method's params, refusing with every problem listed. */
export function checkParams<T>(method: string, schema: z.ZodType<T>, params: unknown): T {
  const parsed = parseWith(schema, params);
  if (!parsed.ok) throw AcpApiError.invalidParams(`${method}: invalid params: ${parsed.problems.join('; ')}`);
  return parsed.value;
}
