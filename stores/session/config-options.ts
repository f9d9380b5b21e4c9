import type { SessionConfigOption } from '../../src/protocol/index.js';

/** A choice of a select config option (groups flattened). */
export type ConfigChoice = { value: string; name: string; description?: string | null };

// codex-acp 2.6 names them `model` / `reasoning_effort` with categories `model` / `thought_level`.
const CATEGORY_IDS: Record<string, string[]> = { model: ['model'], thought_level: ['reasoning_effort', 'thought_level'], mode: ['mode'] };

/** The agent's select option for a category (`model`, `thought_level`, `mode`), if it reported one. */
export function findConfigOption(options: readonly SessionConfigOption[] | undefined, category: string): SessionConfigOption | undefined {
  if (!options) return undefined;
  return options.find((option) => option.category === category) ?? options.find((option) => (CATEGORY_IDS[category] ?? []).includes(option.id));
}

/** The choices of a select option, groups flattened; [] for boolean or malformed options. */
export function configChoices(option: SessionConfigOption | undefined): ConfigChoice[] {
  if (!option || option.type !== 'select' || !Array.isArray(option.options)) return [];
  const choices: ConfigChoice[] = [];
  for (const entry of option.options as unknown[]) {
    const candidate = entry as { value?: unknown; name?: unknown; description?: string | null; options?: unknown[] };
    if (Array.isArray(candidate.options)) choices.push(...configChoices({ ...option, options: candidate.options } as SessionConfigOption));
    else if (typeof candidate.value === 'string') choices.push({ value: candidate.value, name: typeof candidate.name === 'string' ? candidate.name : candidate.value, description: candidate.description });
  }
  return choices;
}

/** The current value of a category's option as a string, or null. */
export function currentConfigValue(options: readonly SessionConfigOption[] | undefined, category: string): string | null {
  const option = findConfigOption(options, category);
  return option && option.type === 'select' && typeof option.currentValue === 'string' ? option.currentValue : null;
}
