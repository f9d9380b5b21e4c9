// The one query interface of the multiuser store: the same SQL runs on PGlite (embedded, the
// default) and on a Postgres server (node-postgres, `--database postgres://...`).

/** Something SQL runs on: the database itself or an open transaction. */
export interface Queryable {
  /** Rows of one statement, `$1`-style params; timestamps come back as ISO strings. */
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs `fn` in one transaction (inside a transaction: joins it); rolls back when `fn` throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
}

export type ListenOptions = { onReconnect?: () => void };

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Calls `onPayload` with the payload of each NOTIFY on `channel` (made by any connection,
   * this one included); resolves, once listening, with the function that stops it.
   * On a Postgres server the listening connection is re-made when it drops; NOTIFYs sent meanwhile
   * are lost, so `onReconnect` runs then: reload what the payloads would have invalidated.
   */
  listen(channel: string, onPayload: (payload: string) => void, options?: ListenOptions): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** LISTEN takes no parameter: a channel is an identifier we write into the statement. */
export function checkChannelName(channel: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`bad LISTEN channel name ${JSON.stringify(channel)}: lowercase letters, digits and _`);
}

/** Both drivers return `timestamptz` as Date; our rows carry ISO strings (design: ISO in TypeScript). */
export function isoDates<T>(row: Record<string, unknown>): T {
  for (const [key, value] of Object.entries(row)) if (value instanceof Date) row[key] = value.toISOString();
  return row as T;
}

/** A Postgres error code (both drivers put it on `code`): 23505 unique violation, 23503 foreign key. */
export function pgErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
