import type { SettingsStore } from '../../hub/settings-store.js';
import type { Queryable } from '../../multiuser/db/index.js';
import { createDbSettingsStore } from '../../multiuser/hub/db-settings-store.js';

/**
 * The hub settings from the database, read again by `reload()` (on a Postgres NOTIFY of `settings`:
 * the front hub or the admin CLI wrote them). Readers keep `get`, which always answers the latest.
 */
export async function createReloadingSettings(db: Queryable): Promise<SettingsStore & { reload(): Promise<void> }> {
  let store = await createDbSettingsStore(db);
  let reloading: Promise<void> = Promise.resolve();
  return {
    get: () => store.get(),
    update: (patch) => store.update(patch),
    reload() {
      // In order: an older read never lands after a newer one.
      reloading = reloading.then(async () => {
        store = await createDbSettingsStore(db);
      });
      const done = reloading;
      reloading = reloading.catch((error: unknown) => console.error('[host] reloading the settings failed:', error));
      return done;
    },
  };
}
