import type { AgentDefinition } from '../../agents/index.js';
import type { SessionMode } from '../../protocol/index.js';

/**
 * The turn's notice when the agent's command sandbox cannot start on this machine (its probe, e.g.
 * Codex's bwrap without user namespaces) and the turn runs in a sandboxed mode: every command would
 * fail with a bare sandbox error (codex-acp does not even show such a command), so say why up front.
 */
export function sandboxNotices(definition: AgentDefinition, mode: SessionMode | '' | undefined): string[] {
  const sandbox = definition.sandbox?.();
  if (!sandbox || sandbox.available || mode === 'full-access') return [];
  return [`${definition.label}'s sandbox could not start here: ${sandbox.reason ?? 'unknown reason'}. Its commands in the ${mode || 'default'} mode will fail; full access runs them without a sandbox.`];
}
