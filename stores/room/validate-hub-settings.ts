import { HubSettingsSchema, LOG_RETENTION_MAX_DAYS, parseWith } from '../../src/protocol/index.js';
import type { HubSettings } from '../../src/protocol/index.js';

/** A problem with one field of the admin form; `field` is a HubSettings key. */
export type SettingsProblem = { field: keyof HubSettings | 'form'; message: string };

/** Bounds of the permission timeout the admin may pick (10 s to 24 h). */
export const PERMISSION_TIMEOUT_BOUNDS_MS = { min: 10_000, max: 24 * 60 * 60_000 } as const;

/**
 * Checks admin settings before they are saved: the schema, plus the rules across fields the schema
 * cannot say (the default agent must be enabled, Codex disabled means not offered, no duplicates).
 * `knownAgentIds` are the agents the hub reported; unknown ids are refused.
 */
export function validateHubSettings(settings: HubSettings, knownAgentIds: readonly string[]): SettingsProblem[] {
  const parsed = parseWith(HubSettingsSchema, settings);
  const problems: SettingsProblem[] = parsed.ok
    ? []
    : parsed.problems.map((message) => ({ field: fieldOf(message), message }));
  const known = new Set(knownAgentIds);
  if (settings.enabled_agents.length === 0) problems.push({ field: 'enabled_agents', message: 'Enable at least one agent.' });
  const unknown = settings.enabled_agents.filter((id) => !known.has(id));
  if (unknown.length > 0) problems.push({ field: 'enabled_agents', message: `Unknown agent(s): ${unknown.join(', ')}.` });
  if (!settings.enabled_agents.includes(settings.default_agent)) {
    problems.push({ field: 'default_agent', message: 'The default agent must be one of the enabled agents.' });
  }
  if (!settings.codex_enabled && settings.default_agent === 'codex') {
    problems.push({ field: 'default_agent', message: 'Codex is disabled, so it cannot be the default agent.' });
  }
  const duplicates = findDuplicates(settings.codex_default_models);
  if (duplicates.length > 0) problems.push({ field: 'codex_default_models', message: `Listed twice: ${duplicates.join(', ')}.` });
  if (settings.codex_default_models.some((model) => model.trim() !== model || model === '')) {
    problems.push({ field: 'codex_default_models', message: 'Model names cannot be empty or start/end with spaces.' });
  }
  const timeout = settings.permission_timeout_ms;
  if (Number.isFinite(timeout) && (timeout < PERMISSION_TIMEOUT_BOUNDS_MS.min || timeout > PERMISSION_TIMEOUT_BOUNDS_MS.max)) {
    problems.push({ field: 'permission_timeout_ms', message: 'The permission timeout must be between 10 seconds and 24 hours.' });
  }
  const retention = settings.log_retention_days;
  if (retention !== null && retention !== undefined && !(Number.isInteger(retention) && retention >= 1 && retention <= LOG_RETENTION_MAX_DAYS)) {
    // This says it better than the schema's "too small" / "expected number".
    const message = `Keep activity logs a whole number of days, 1 to ${LOG_RETENTION_MAX_DAYS}, or turn their deletion off.`;
    return [...problems.filter((problem) => problem.field !== 'log_retention_days'), { field: 'log_retention_days', message }];
  }
  return problems;
}

function fieldOf(problem: string): SettingsProblem['field'] {
  const key = problem.split(/[.:]/)[0];
  return key in HubSettingsSchema.shape ? (key as keyof HubSettings) : 'form';
}

function findDuplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) duplicates.add(value);
    seen.add(value);
  }
  return [...duplicates];
}
