import type { PublicCustomize } from '../protocol/index.js';
import type { SettingsStore } from './settings-store.js';
import type { TurnService } from './types.js';

/** `GET /customize`: the public settings and the agents on offer. Secrets are never part of it. */
export function publicCustomize(settings: SettingsStore, turnService: TurnService | undefined): PublicCustomize {
  const current = settings.get();
  return {
    codex_enabled: current.codex_enabled,
    codex_default_models: current.codex_default_models,
    codex_allow_user_tokens: current.codex_allow_user_tokens,
    selectable_llms: current.selectable_llms,
    default_agent: current.default_agent,
    agents: turnService?.agentsForCustomize() ?? [],
  };
}
