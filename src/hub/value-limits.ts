type Visit = { value: unknown; depth: number; key: string; parent: Visit | undefined };

/**
 * Where `value` nests objects and arrays more than `limit` levels deep, as the keys leading there
 * (`['rows', '3', 'content', ...]`), or undefined when it does not. Walks without recursion: a
 * hostile row can nest 100,000 levels, which JSON.parse reads but every recursive walk after it
 * overflows the stack. Cost is bounded by the value's size.
 */
export function tooDeepAt(value: unknown, limit: number): string[] | undefined {
  const stack: Visit[] = [{ value, depth: 0, key: '', parent: undefined }];
  while (stack.length > 0) {
    const visit = stack.pop() as Visit;
    if (visit.value === null || typeof visit.value !== 'object') continue;
    if (visit.depth + 1 > limit) {
      const keys: string[] = [];
      for (let at: Visit | undefined = visit; at?.parent; at = at.parent) keys.push(at.key);
      return keys.reverse();
    }
    for (const [key, child] of Object.entries(visit.value)) stack.push({ value: child, depth: visit.depth + 1, key, parent: visit });
  }
  return undefined;
}

/** A short readable form of a key path: `rows[3].content.a…`. */
export function describeKeyPath(keys: string[], shown = 4): string {
  const text = keys
    .slice(0, shown)
    .map((key, index) => (/^\d+$/.test(key) ? `[${key}]` : index === 0 ? key : `.${key}`))
    .join('');
  return keys.length > shown ? `${text}…` : text;
}

/** Why a value passes `maxDepth` levels or `maxBytes` of JSON, or undefined when it fits both. */
export function sizeProblem(value: unknown, limits: { maxDepth: number; maxBytes?: number }): string | undefined {
  const deep = tooDeepAt(value, limits.maxDepth);
  if (deep) return `nested more than ${limits.maxDepth} levels deep${deep.length > 0 ? ` (at ${describeKeyPath(deep)})` : ''}`;
  if (limits.maxBytes === undefined) return undefined;
  const bytes = Buffer.byteLength(JSON.stringify(value) ?? '');
  if (bytes > limits.maxBytes) return `${bytes} bytes of JSON, more than the limit of ${limits.maxBytes}`;
  return undefined;
}
