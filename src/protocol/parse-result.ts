import type { z } from 'zod';

/** The outcome of parsing untrusted data: a value, or a readable list of problems. Never throws. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** Parses `input` with `schema`, turning zod issues into "path: message" strings. */
export function parseWith<T>(schema: z.ZodType<T>, input: unknown): ParseResult<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
    return `${path}: ${issue.message}`;
  });
  return { ok: false, problems };
}
