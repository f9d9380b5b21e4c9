import path from 'node:path';

/**
 * Returns a copy of an ACP payload where absolute paths inside the workspace (plain or file://)
 * are made workspace-relative for display. Other values are kept as they are.
 */
export function relativizePaths<T>(value: T, root: string): T {
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  const convert = (input: unknown): unknown => {
    if (typeof input === 'string') {
      const plain = input.startsWith('file://') ? input.slice('file://'.length) : input;
      if (plain === root) return '.';
      return plain.startsWith(prefix) ? plain.slice(prefix.length) : input;
    }
    if (Array.isArray(input)) return input.map(convert);
    if (input && typeof input === 'object') {
      return Object.fromEntries(Object.entries(input as Record<string, unknown>).map(([key, inner]) => [key, convert(inner)]));
    }
    return input;
  };
  return convert(value) as T;
}
