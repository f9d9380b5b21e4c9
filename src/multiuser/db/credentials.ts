import type { Queryable } from './database.js';

// Secrets are opaque strings here: the credentials module encrypts them before they get here.

export type StoredSecret = { secret: string; updatedAt: string };

export async function getUserSecret(db: Queryable, accountId: string, agent: string): Promise<StoredSecret | null> {
  const [row] = await db.query<StoredSecret>(`select secret, updated_at as "updatedAt" from user_credentials where account_id = $1 and agent = $2`, [accountId, agent]);
  return row ?? null;
}

export async function setUserSecret(db: Queryable, accountId: string, agent: string, secret: string): Promise<void> {
  await db.query(
    `insert into user_credentials (account_id, agent, secret) values ($1, $2, $3)
     on conflict (account_id, agent) do update set secret = excluded.secret, updated_at = now()`,
    [accountId, agent, secret],
  );
}

/** False when there was none. */
export async function deleteUserSecret(db: Queryable, accountId: string, agent: string): Promise<boolean> {
  return (await db.query(`delete from user_credentials where account_id = $1 and agent = $2 returning agent`, [accountId, agent])).length > 0;
}

/** Which agents the account has a key for (never the secrets). */
export async function listUserSecrets(db: Queryable, accountId: string): Promise<{ agent: string; updatedAt: string }[]> {
  return db.query(`select agent, updated_at as "updatedAt" from user_credentials where account_id = $1 order by agent`, [accountId]);
}

export async function getSiteSecret(db: Queryable, agent: string): Promise<StoredSecret | null> {
  const [row] = await db.query<StoredSecret>(`select secret, updated_at as "updatedAt" from site_credentials where agent = $1`, [agent]);
  return row ?? null;
}

export async function setSiteSecret(db: Queryable, agent: string, secret: string): Promise<void> {
  await db.query(`insert into site_credentials (agent, secret) values ($1, $2) on conflict (agent) do update set secret = excluded.secret, updated_at = now()`, [agent, secret]);
}

export async function deleteSiteSecret(db: Queryable, agent: string): Promise<boolean> {
  return (await db.query(`delete from site_credentials where agent = $1 returning agent`, [agent])).length > 0;
}

export async function listSiteSecrets(db: Queryable): Promise<{ agent: string; updatedAt: string }[]> {
  return db.query(`select agent, updated_at as "updatedAt" from site_credentials order by agent`);
}
