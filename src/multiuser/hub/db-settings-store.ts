import { DEFAULT_HUB_SETTINGS, type HubSettings } from '../../protocol/index.js';
import { validateHubSettings, type SettingsStore } from '../../hub/settings-store.js';
import { loadSettings, saveSettings, type Queryable } from '../db/index.js';

/**
 * The admin settings in the database's `settings` table (key 'hub'), with the interface of the lite
 * settings file: read once at start, then `get()` answers from memory and `update()` saves through.
 * A stored document that no longer validates is reported and the defaults are used until the admin saves.
 */
export async function createDbSettingsStore(db: Queryable): Promise<SettingsStore> {
  let current: HubSettings = DEFAULT_HUB_SETTINGS;
  const stored = await loadSettings<object>(db);
  if (stored !== undefined) {
    const result = validateHubSettings({ ...DEFAULT_HUB_SETTINGS, ...stored });
    if (result.ok) current = result.settings;
    else console.error(`[hub] the stored settings are invalid, using defaults: ${result.problems.join('; ')}`);
  }
  let writing: Promise<void> = Promise.resolve();
  return {
    get: () => current,
    async update(patch) {
      if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return { ok: false, problems: ['(root): settings must be an object'] };
      const result = validateHubSettings({ ...current, ...patch });
      if (!result.ok) return result;
      // Saved in order: two quick updates never land the older one last.
      const written = writing.then(() => saveSettings(db, result.settings));
      writing = written.catch(() => undefined);
      await written;
      current = result.settings;
      return result;
    },
  };
}
