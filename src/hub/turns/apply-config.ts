import type { ClientConnection, SessionConfigOption } from '@agentclientprotocol/sdk';
import type { AgentDefinition } from '../../agents/index.js';
import type { AcpConfig, SessionMode } from '../../protocol/index.js';

type Wanted = { configId: string; category: string; value: string | number | boolean };

function wantedValues(config: AcpConfig, definition: AgentDefinition): Wanted[] {
  const wanted: Wanted[] = [];
  if (config.sessionMode) wanted.push({ configId: 'mode', category: 'mode', value: definition.modeIds[config.sessionMode as SessionMode] });
  if (config.model) wanted.push({ configId: 'model', category: 'model', value: config.model });
  if (config.reasoning) wanted.push({ configId: 'reasoning_effort', category: 'thought_level', value: config.reasoning });
  for (const [configId, value] of Object.entries(config.options ?? {})) wanted.push({ configId, category: configId === 'mode' ? 'mode' : '', value });
  return wanted;
}

/**
 * Applies the thread's config to a session: `session/set_config_option` for options the agent
 * reported (found by id or category), falling back to `session/set_mode` for the mode. Returns
 * the config options after the changes and a notice per value that could not be applied.
 */
export async function applyConfig(
  connection: ClientConnection,
  sessionId: string,
  config: AcpConfig,
  definition: AgentDefinition,
  reported: { configOptions: SessionConfigOption[]; modeIds: string[] },
): Promise<{ configOptions: SessionConfigOption[]; notices: string[] }> {
  let configOptions = reported.configOptions;
  const notices: string[] = [];
  for (const wanted of wantedValues(config, definition)) {
    const option = configOptions.find((candidate) => candidate.id === wanted.configId) ?? (wanted.category ? configOptions.find((candidate) => candidate.category === wanted.category) : undefined);
    try {
      if (option) {
        if (option.type === 'select' && option.currentValue === wanted.value) continue;
        const params = typeof wanted.value === 'boolean' ? { type: 'boolean' as const, value: wanted.value } : { value: String(wanted.value) };
        const response = await connection.agent.request('session/set_config_option', { sessionId, configId: option.id, ...params });
        configOptions = response.configOptions ?? configOptions;
      } else if (wanted.category === 'mode' && reported.modeIds.includes(String(wanted.value))) {
        await connection.agent.request('session/set_mode', { sessionId, modeId: String(wanted.value) });
      } else {
        notices.push(`The agent has no setting "${wanted.configId}"; ${String(wanted.value)} was not applied.`);
      }
    } catch (error) {
      notices.push(`Could not set ${wanted.configId} to ${String(wanted.value)}: ${(error as Error).message}`);
    }
  }
  return { configOptions, notices };
}
