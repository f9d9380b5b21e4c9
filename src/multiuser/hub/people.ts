import type { Person } from '../../protocol/index.js';
import type { Queryable } from '../db/index.js';

/** Names of the asked accounts that share a project with `viewerId` (and the viewer's own). */
export async function peopleSeenBy(db: Queryable, viewerId: string, accountIds: string[]): Promise<Person[]> {
  if (accountIds.length === 0) return [];
  return db.query<Person>(
    `select a.id as "accountId", a.name from accounts a
      where a.id = any($1::text[])
        and (a.id = $2 or exists (select 1 from members theirs join members mine on mine.project_id = theirs.project_id
                                   where theirs.account_id = a.id and mine.account_id = $2))
      order by a.name`,
    [accountIds, viewerId],
  );
}

/** Renames an account (account.setName); the trimmed name. */
export async function renameAccount(db: Queryable, accountId: string, name: string): Promise<string> {
  const [row] = await db.query<{ name: string }>(`update accounts set name = $2 where id = $1 returning name`, [accountId, name.trim()]);
  if (!row) throw new Error(`account ${accountId} is gone`);
  return row.name;
}
