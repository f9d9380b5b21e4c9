// Defensive readers for wire data: each returns null instead of throwing on a wrong type, so a
// malformed agent update degrades to a visible fallback (STYLE.md 6: wire data never throws).

/** The value as a plain object, or null. */
export function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** The value as a string, or null. */
export function asString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** The value as a finite number, or null. */
export function asNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The value as an array, or null. */
export function asArray(value: unknown): unknown[] | null {
  return Array.isArray(value) ? value : null;
}

/** A short, safe description of any value for a message: strings as given (cut), else the type. */
export function describeValue(value: unknown): string {
  // String(value) can throw on wire objects like {"toString": 1}; typeof never does.
  if (typeof value === 'string') return value.length > 80 ? `${value.slice(0, 80)}…` : value;
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}
