import type { Queryable } from '../db/index.js';

/** Display names of accounts by id (unknown ids are left out): the "who" column of an export. */
export async function accountNames(db: Queryable, accountIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(accountIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.query<{ id: string; name: string }>(`select id, name from accounts where id = any($1::text[])`, [ids]);
  return new Map(rows.map((row) => [row.id, row.name]));
}
