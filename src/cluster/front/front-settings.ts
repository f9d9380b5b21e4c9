import type { SettingsStore } from '../../hub/settings-store.js';
import type { Queryable } from '../../multiuser/db/index.js';
import type { HubSettings } from '../../protocol/index.js';
import { createReloadingSettings } from '../host/reloading-settings.js';

/**
 * The front hub's settings: saved to the database by settings.set (as on the all-in-one hub), and
 * read again on a Postgres NOTIFY of `settings` (the admin CLI or another front changed them), in
 * which case the browsers are told (`onChanged`). The NOTIFY of the front's own save finds nothing
 * new and tells nobody twice.
 */
export async function createFrontSettings(db: Queryable, onChanged: (settings: HubSettings) => void): Promise<SettingsStore & { reload(): Promise<void> }> {
  const store = await createReloadingSettings(db);
  let reloading: Promise<void> = Promise.resolve();
  return {
    get: store.get,
    update: store.update,
    reload() {
      // One after the other, so each compares with what the one before it read.
      reloading = reloading.then(async () => {
        const before = JSON.stringify(store.get());
        await store.reload();
        if (JSON.stringify(store.get()) !== before) onChanged(store.get());
      });
      const done = reloading;
      reloading = reloading.catch(() => undefined);
      return done;
    },
  };
}
