import type { AgentInfo, HubSettings, SessionConfigOption } from '../../src/protocol/index.js';
import { configChoices, findConfigOption } from './config-options.js';
import type { ConfigChoice } from './config-options.js';

/** Offered when the agent has not reported its models yet (codex-acp 2.6's list, newest first). */
export const BUILT_IN_MODELS: ConfigChoice[] = [
  { value: 'gpt-6.1-sol', name: '6.1 Sol' },
  { value: 'gpt-6-astra', name: '6 Astra' },
  { value: 'gpt-6-luna', name: '6 Luna' },
  { value: 'gpt-5.5', name: '5.5' },
];
/** Offered when the agent has not reported its reasoning levels yet. */
export const BUILT_IN_REASONING: ConfigChoice[] = ['low', 'medium', 'high'].map((value) => ({ value, name: value[0].toUpperCase() + value.slice(1) }));

/**
 * Model and reasoning choices for an agent, and whether they came from the agent itself.
 * `modelChoice` / `reasoningChoice`: false when the agent's capabilities say it offers none (it
 * ran and reported no model option, or no reasoning option): the form shows no list then.
 */
export type SessionChoices = { models: ConfigChoice[]; reasoning: ConfigChoice[]; reported: boolean; modelChoice: boolean; reasoningChoice: boolean };

/**
 * The models and reasoning levels to offer: the thread's latest reported options, else the agent's
 * last known ones, else the built-in lists; models filtered and ordered by the admin's
 * `codex_default_models` (when that leaves nothing, the admin's list itself is offered).
 */
export function selectSessionChoices(agent: AgentInfo | undefined, settings: HubSettings | null, reported?: readonly SessionConfigOption[]): SessionChoices {
  const options = reported && reported.length > 0 ? reported : agent?.configOptions;
  const agentModels = configChoices(findConfigOption(options, 'model'));
  const agentReasoning = configChoices(findConfigOption(options, 'thought_level'));
  const allowed = settings?.codex_default_models ?? [];
  let models = agentModels.length > 0 ? agentModels : BUILT_IN_MODELS;
  if (allowed.length > 0) {
    const byValue = new Map(models.map((choice) => [choice.value, choice]));
    const filtered = allowed.flatMap((value) => (byValue.has(value) ? [byValue.get(value) as ConfigChoice] : []));
    models = filtered.length > 0 ? filtered : allowed.map((value) => ({ value, name: value }));
  }
  // What the agent reported when it ran (its capability record) decides whether there is a choice at all.
  const capabilities = agent?.capabilities;
  const modelChoice = !capabilities || capabilities.setModel || agentModels.length > 0;
  const reasoningChoice = !capabilities || agentReasoning.length > 0 || findConfigOption(capabilities.configOptions, 'thought_level') !== undefined;
  return {
    models: modelChoice ? models : [],
    reasoning: reasoningChoice ? (agentReasoning.length > 0 ? agentReasoning : BUILT_IN_REASONING) : [],
    reported: agentModels.length > 0,
    modelChoice,
    reasoningChoice,
  };
}
