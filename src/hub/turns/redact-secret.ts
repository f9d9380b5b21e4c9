/** What a secret is replaced with in anything the hub stores or sends to a browser. */
export const REDACTED = '[redacted secret]';

/**
 * `value` with every occurrence of `secret` replaced (deeply, in strings). An agent may echo its own
 * API key (a command printing the environment, an error message); it must not reach the turn log, the
 * chat file or a browser. Short values are not treated as secrets (they would match ordinary text).
 */
export function redactSecret<T>(value: T, secret: string | undefined): T {
  if (!secret || secret.length < 8) return value;
  const text = JSON.stringify(value);
  if (text === undefined || !text.includes(JSON.stringify(secret).slice(1, -1))) return value;
  return JSON.parse(text.split(JSON.stringify(secret).slice(1, -1)).join(REDACTED)) as T;
}
