import { useStore } from 'zustand';
import type { AgentCapabilities } from '../../src/protocol/index.js';
import { useCodexRuntime } from '../provider.js';
import { capabilitiesOf } from '../runtime/index.js';

/** What the agent reported it can do (re-read when `agents.change` arrives); null while unknown. */
export function useAgentCapabilities(agentId: string | undefined): AgentCapabilities | null {
  const { session } = useCodexRuntime();
  const agent = useStore(session, (state) => (agentId ? state.agents?.find((candidate) => candidate.id === agentId) : undefined));
  return capabilitiesOf(agent);
}
