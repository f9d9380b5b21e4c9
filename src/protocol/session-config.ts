import { z } from 'zod';

/** Execution modes offered in the UI, mapped to each agent's own modes by the hub. */
export const SESSION_MODES = ['read-only', 'workspace-write', 'full-access'] as const;
/** One of the three execution modes; see SESSION_MODES. */
export type SessionMode = (typeof SESSION_MODES)[number];

/** Codex's own mode ids for our three modes (codex-acp 2.6 `mode` config option). */
export const CODEX_MODE_IDS: Record<SessionMode, string> = {
  'read-only': 'read-only',
  'workspace-write': 'workspace-write',
  'full-access': 'agent-full-access',
};

/** `acp_config` on a thread root: the agent session config. An empty string means unset. */
export const AcpConfigSchema = z
  .object({
    agent: z.string(),
    model: z.string().optional(),
    reasoning: z.string().optional(),
    sessionMode: z.union([z.enum(SESSION_MODES), z.literal('')]).optional(),
    workingDirectory: z.string().optional(),
    sessionId: z.string().optional(),
    envHome: z.string().optional(),
    envPath: z.string().optional(),
    options: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    /** Thread key of the thread this one was forked from, if any. */
    forkedFrom: z.string().optional(),
    /** Agent session id of that thread at the fork: the fork's first turn forks it (ACP `session/fork`) when the agent offers it. */
    forkSessionId: z.string().optional(),
    /** The account that last saved this config in the session-config modal, and when (ISO). */
    changedBy: z.string().optional(),
    changedAt: z.string().optional(),
  })
  .passthrough();
/** The session config of an agent thread (SPEC "The chat document"). */
export type AcpConfig = z.infer<typeof AcpConfigSchema>;
