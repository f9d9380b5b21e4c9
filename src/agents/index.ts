export { AGENT_DEFINITIONS, findAgentDefinition, findProgram } from './registry.js';
export type { AgentDefinition, AgentLaunch } from './registry.js';
