import type { SessionConfigOption } from '@agentclientprotocol/sdk';
import type { AgentDefinition } from '../../agents/index.js';
import type { AcpConfig, SessionMode } from '../../protocol/index.js';
import type { AgentConnection, SessionModels } from './agent-connection.js';

type Wanted = { configId: string; category: string; value: string | number | boolean };

/** What the session reported: its config options, its mode ids, and (Gemini) its models. */
export type ReportedControls = { configOptions: SessionConfigOption[]; modeIds: string[]; models?: SessionModels | null };

function wantedValues(config: AcpConfig, definition: AgentDefinition): Wanted[] {
  const wanted: Wanted[] = [];
  if (config.sessionMode) wanted.push({ configId: 'mode', category: 'mode', value: definition.modeIds[config.sessionMode as SessionMode] });
  if (config.model) wanted.push({ configId: 'model', category: 'model', value: config.model });
  if (config.reasoning) wanted.push({ configId: 'reasoning_effort', category: 'thought_level', value: config.reasoning });
  for (const [configId, value] of Object.entries(config.options ?? {})) wanted.push({ configId, category: configId === 'mode' || configId === 'model' ? configId : '', value });
  return wanted;
}

/**
 * Applies the thread's config to a session: `session/set_config_option` for options the agent
 * reported (found by id or category), else `session/set_mode` for a mode the session lists, else
 * `session/set_model` for a model the session lists. Returns the config options after the changes
 * and a notice per value that could not be applied.
 */
export async function applyConfig(
  connection: AgentConnection,
  sessionId: string,
  config: AcpConfig,
  definition: AgentDefinition,
  reported: ReportedControls,
): Promise<{ configOptions: SessionConfigOption[]; notices: string[] }> {
  let configOptions = reported.configOptions;
  const notices: string[] = [];
  const modelIds = reported.models?.availableModels.map((model) => model.modelId) ?? [];
  for (const wanted of wantedValues(config, definition)) {
    const option = configOptions.find((candidate) => candidate.id === wanted.configId) ?? (wanted.category ? configOptions.find((candidate) => candidate.category === wanted.category) : undefined);
    const value = String(wanted.value);
    try {
      if (option) {
        if (option.type === 'select' && option.currentValue === wanted.value) continue;
        configOptions = (await connection.setConfigOption(sessionId, option.id, typeof wanted.value === 'boolean' ? wanted.value : value)) ?? configOptions;
      } else if (wanted.category === 'mode' && reported.modeIds.includes(value)) {
        await connection.setMode(sessionId, value);
      } else if (wanted.category === 'model' && modelIds.includes(value)) {
        if (reported.models?.currentModelId !== value) await connection.setModel(sessionId, value);
      } else {
        notices.push(`The agent has no setting "${wanted.configId}"; ${value} was not applied.`);
      }
    } catch (error) {
      notices.push(`Could not set ${wanted.configId} to ${value}: ${(error as Error).message}`);
    }
  }
  return { configOptions, notices };
}
