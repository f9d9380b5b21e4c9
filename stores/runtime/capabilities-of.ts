import type { AgentCapabilities, AgentInfo } from '../../src/protocol/index.js';
import { UNKNOWN_CAPABILITIES } from '../../src/protocol/index.js';

/**
 * The capability record of an agent as `agents.list` reports it. A hub that does not send the
 * record yet still says `acceptsImages` and the auth methods once the agent ran; those fill an
 * otherwise unknown record. Null: nothing is known, so callers keep their permissive default.
 */
export function capabilitiesOf(agent: AgentInfo | undefined): AgentCapabilities | null {
  if (!agent) return null;
  if (agent.capabilities) return agent.capabilities;
  if (agent.acceptsImages === null) return null; // the agent never ran: nothing is known
  return { ...UNKNOWN_CAPABILITIES, images: agent.acceptsImages === true, authMethods: agent.authMethods, configOptions: agent.configOptions };
}
