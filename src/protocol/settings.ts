import { z } from 'zod';
import { isWebUrl } from './web-url.js';

/** The longest log retention the admin may set (10 years). */
export const LOG_RETENTION_MAX_DAYS = 3650;

/** Admin settings of the hub (SPEC "/customize"). Stored in the state directory. */
export const HubSettingsSchema = z
  .object({
    codex_enabled: z.boolean(),
    /** Models users may pick, in order; the first is the default. Empty = whatever the agent offers. */
    codex_default_models: z.array(z.string().min(1)),
    codex_allow_user_tokens: z.boolean(),
    selectable_llms: z.array(z.string().min(1)),
    /** Agent id preselected for new agent threads. */
    default_agent: z.string().min(1),
    /** Agent ids offered to users. */
    enabled_agents: z.array(z.string().min(1)),
    /** How long a permission request waits before reject is selected, in ms. */
    permission_timeout_ms: z.number().int().positive(),
    /** Delete activity logs of turns that ended more than this many days ago; null or absent: keep them. */
    log_retention_days: z.number().int().min(1).max(LOG_RETENTION_MAX_DAYS).nullable().optional(),
    /**
     * A site's own OpenAI-compatible model gateway (its base URL, e.g. https://llm.example.com/v1):
     * Codex then signs in with codex-acp's `gateway` method, the turn's key as its Bearer token.
     * Empty or absent: no gateway.
     */
    codex_gateway_url: z
      .string()
      .max(2_000)
      .refine((url) => url === '' || isWebUrl(url), 'the gateway URL must be an http:// or https:// URL')
      .optional(),
  })
  .strict();
/** The hub's admin settings. */
export type HubSettings = z.infer<typeof HubSettingsSchema>;

/** Settings of a fresh state directory. */
export const DEFAULT_HUB_SETTINGS: HubSettings = {
  codex_enabled: true,
  codex_default_models: [],
  codex_allow_user_tokens: true,
  selectable_llms: [],
  default_agent: 'demo',
  enabled_agents: ['demo', 'codex', 'claude', 'gemini'],
  permission_timeout_ms: 10 * 60_000,
  log_retention_days: null,
};

/** What `GET /customize` returns: the public settings plus the agents on offer with their models. */
export type PublicCustomize = Pick<
  HubSettings,
  'codex_enabled' | 'codex_default_models' | 'codex_allow_user_tokens' | 'selectable_llms' | 'default_agent'
> & { agents: Array<{ id: string; label: string; demo: boolean; models: string[] }> };
