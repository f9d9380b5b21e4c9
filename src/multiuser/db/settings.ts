import type { Queryable } from './database.js';

/** The key of the hub's HubSettings document. */
export const HUB_SETTINGS_KEY = 'hub';

/** A stored settings document (parsed JSON); undefined when none was saved yet. */
export async function loadSettings<T>(db: Queryable, key = HUB_SETTINGS_KEY): Promise<T | undefined> {
  const [row] = await db.query<{ value: T }>(`select value from settings where key = $1`, [key]);
  return row?.value;
}

/** Replaces the document whole (one row per key). */
export async function saveSettings(db: Queryable, value: unknown, key = HUB_SETTINGS_KEY): Promise<void> {
  await db.query(`insert into settings (key, value) values ($1, $2::jsonb) on conflict (key) do update set value = excluded.value, updated_at = now()`, [key, JSON.stringify(value)]);
}
