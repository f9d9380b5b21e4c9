import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_HUB_SETTINGS, HubSettingsSchema, parseWith, type HubSettings } from '../protocol/index.js';
import { writeFileAtomic } from './atomic-write.js';

/** The admin settings in `<stateDir>/settings.json`. */
export type SettingsStore = {
  get(): HubSettings;
  /** Validates the merged settings; returns the problems (nothing changed) or the saved settings. */
  update(patch: unknown): Promise<{ ok: true; settings: HubSettings } | { ok: false; problems: string[] }>;
};

function checkConsistency(settings: HubSettings): string[] {
  const problems: string[] = [];
  if (!settings.enabled_agents.includes(settings.default_agent)) {
    problems.push(`default_agent: "${settings.default_agent}" is not one of enabled_agents (${settings.enabled_agents.join(', ') || 'none'})`);
  }
  return problems;
}

function validate(candidate: unknown): { ok: true; settings: HubSettings } | { ok: false; problems: string[] } {
  const parsed = parseWith(HubSettingsSchema, candidate);
  if (!parsed.ok) return parsed;
  const problems = checkConsistency(parsed.value);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, settings: parsed.value };
}

/** The check of a whole settings document (schema and consistency), for other stores of the same settings (multiuser: the database). */
export const validateHubSettings = validate;

/**
 * Loads the settings (defaults for keys a newer version added); a damaged file is reported and the
 * defaults are used without overwriting it until the admin saves.
 */
export function createSettingsStore(stateDir: string): SettingsStore {
  const file = path.join(stateDir, 'settings.json');
  let current: HubSettings = DEFAULT_HUB_SETTINGS;
  if (existsSync(file)) {
    try {
      const result = validate({ ...DEFAULT_HUB_SETTINGS, ...(JSON.parse(readFileSync(file, 'utf8')) as object) });
      if (result.ok) current = result.settings;
      else console.error(`[hub] ${file} is invalid, using defaults: ${result.problems.join('; ')}`);
    } catch (error) {
      console.error(`[hub] ${file} is unreadable, using defaults:`, (error as Error).message);
    }
  }
  let writing: Promise<void> = Promise.resolve();
  return {
    get: () => current,
    async update(patch) {
      if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
        return { ok: false, problems: ['(root): settings must be an object'] };
      }
      const result = validate({ ...current, ...patch });
      if (!result.ok) return result;
      current = result.settings;
      const snapshot = JSON.stringify(current, null, 2);
      const written = writing.then(() => writeFileAtomic(file, snapshot, 0o600));
      writing = written.catch((error: unknown) => console.error('[hub] saving settings failed:', error));
      await written;
      return result;
    },
  };
}
