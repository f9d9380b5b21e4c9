import { z } from 'zod';
import { AcpConfigSchema } from './session-config.js';

/** Current schema version of chat rows; older rows are upgraded on read. */
export const CHAT_SCHEMA_VERSION = 1;

/** An ISO-8601 date string, as stored in every row and where clause. */
export const IsoDateSchema = z.string().refine((value) => !Number.isNaN(Date.parse(value)), {
  message: 'expected an ISO date string',
});

/** One entry of a message's edit history (newest first in `history`). */
export const HistoryEntrySchema = z.object({
  author_id: z.string(),
  content: z.string(),
  date: IsoDateSchema,
});
/** One entry of `history`. */
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/** `acp_usage` on agent rows: the latest context usage and the turn's token counts. */
export const AcpUsageSchema = z
  .object({
    used: z.number().nonnegative(),
    size: z.number().nonnegative(),
    cost: z.object({ amount: z.number(), currency: z.string() }).optional(),
    inputTokens: z.number().optional(),
    outputTokens: z.number().optional(),
    totalTokens: z.number().optional(),
  })
  .passthrough();
/** Context usage of a turn. */
export type AcpUsage = z.infer<typeof AcpUsageSchema>;

/** Turn states, shared by `acp_turn.state` and the `status` turn event. */
export const TURN_STATES = [
  'queued',
  'starting',
  'running',
  'awaiting-permission',
  'stopping',
  'completed',
  'cancelled',
  'failed',
  'interrupted',
] as const;
/**
 * queued: waiting in the thread's FIFO; starting: agent and session being prepared; running: prompt
 * sent; awaiting-permission: blocked on a user decision; stopping: cancel sent; completed/cancelled/
 * failed: ended; interrupted: the hub restarted while the turn ran.
 */
export type TurnState = (typeof TURN_STATES)[number];

/** `acp_turn` on agent rows. */
export const AcpTurnSchema = z
  .object({
    id: z.string(),
    state: z.enum(TURN_STATES),
    startedAt: IsoDateSchema.optional(),
    endedAt: IsoDateSchema.optional(),
    stopReason: z.string().optional(),
    error: z.string().optional(),
  })
  .passthrough();
/** Summary of a turn on its agent row. */
export type AcpTurn = z.infer<typeof AcpTurnSchema>;

/** An `event:"chat"` row (SPEC "The chat document"). Unknown extra fields are kept. */
export const ChatRowSchema = z
  .object({
    event: z.literal('chat'),
    date: IsoDateSchema,
    sender_id: z.string(),
    history: z.array(HistoryEntrySchema),
    reply_to: IsoDateSchema.optional(),
    generating: z.boolean().optional(),
    name: z.string().optional(),
    pin: z.boolean().optional(),
    folding: z.array(z.string()).optional(),
    feedback: z.record(z.string(), z.string()).optional(),
    editing: z.record(z.string(), z.unknown()).optional(),
    schema_version: z.number().optional(),
    acp_config: AcpConfigSchema.optional(),
    acp_account_id: z.string().optional(),
    acp_thread_id: z.string().optional(),
    acp_usage: AcpUsageSchema.optional(),
    acp_turn: AcpTurnSchema.optional(),
  })
  .passthrough();
/** A chat message row. `read-<account_id>` fields ride along as passthrough keys. */
export type ChatRow = z.infer<typeof ChatRowSchema>;

/** An `event:"draft"` row: composer text of a new thread (date 0) or a reply (date -rootMs). */
export const DraftRowSchema = z
  .object({
    event: z.literal('draft'),
    date: z.number(),
    sender_id: z.string(),
    input: z.string(),
    active: z.number().optional(),
  })
  .passthrough();
/** A composer draft row. */
export type DraftRow = z.infer<typeof DraftRowSchema>;

/** The primary key of a syncdb row. */
export type RowKey = { date: string | number; sender_id: string; event: string };

/** Any syncdb row as stored: primary key plus free fields. Typed access goes through the schemas. */
export type Row = RowKey & Record<string, unknown>;
