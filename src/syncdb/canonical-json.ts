import { setOwnField } from './row-values.js';

/** JSON with object keys sorted at every level, so equal values always serialize to equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  const sorted: Record<string, unknown> = {};
  for (const field of Object.keys(value).sort()) {
    const child = (value as Record<string, unknown>)[field];
    if (child !== undefined) setOwnField(sorted, field, sortKeys(child));
  }
  return sorted;
}
