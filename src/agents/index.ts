export { AGENT_DEFINITIONS, findAgentDefinition } from './registry.js';
export { findProgram, installedAgentsBin } from './find-program.js';
export type { AgentDefinition, AgentEnvContext, AgentLaunch, AgentPackage, TurnTokenCounts } from './agent-definition.js';
