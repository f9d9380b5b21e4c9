// The hub as a library (`import { startHub } from 'codex-chat/hub'`), for a host that runs its own
// hub process: start it on a workspace with the turn runner, and read which agents it knows.
export { DEFAULT_APP_DIR, startHub } from './server.js';
export type { Hub, HubOptions } from './server.js';
export { createTurnService } from './turns/index.js';
export { AGENT_DEFINITIONS, findAgentDefinition } from '../agents/index.js';
export type { AgentDefinition, AgentLaunch } from '../agents/index.js';
