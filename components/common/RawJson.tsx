const MAX_RAW_CHARS = 20_000;

/** JSON.stringify that never throws (cycles, BigInt) and stays bounded. */
function toBoundedJson(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? inner.toString() : inner), 2) ?? String(value);
  } catch (error) {
    text = `[not serialisable: ${error instanceof Error ? error.message : String(error)}]`;
  }
  return text.length > MAX_RAW_CHARS ? `${text.slice(0, MAX_RAW_CHARS)}\n… ${text.length - MAX_RAW_CHARS} more characters` : text;
}

/** Raw payloads shown as text (React escapes it), for unknown items and the error fallback. */
export function RawJson({ value, label }: { value: unknown; label?: string }) {
  return (
    <pre aria-label={label} className="cc-raw-json" style={{ maxHeight: 320, overflow: 'auto', fontSize: 12, margin: 0 }}>
      {toBoundedJson(value)}
    </pre>
  );
}
