import type { AgentDefinition } from './agent-definition.js';
import { claudeAgent } from './adapters/claude.js';
import { codexAgent } from './adapters/codex.js';
import { demoAgent } from './adapters/demo.js';
import { geminiAgent } from './adapters/gemini.js';

/** Every agent codex-chat knows, the demo first. */
export const AGENT_DEFINITIONS: AgentDefinition[] = [demoAgent, codexAgent, claudeAgent, geminiAgent];

/** The definition of an agent id, or undefined. */
export function findAgentDefinition(id: string): AgentDefinition | undefined {
  return AGENT_DEFINITIONS.find((definition) => definition.id === id);
}
