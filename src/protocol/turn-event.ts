import { z } from 'zod';
import { TURN_STATES } from './chat-rows.js';
import type { ContentBlock, PermissionOption, SessionConfigOption, SessionUpdate, ToolCallUpdate } from './acp.js';

/** What a reviewer decided about hunks of an agent's edit: keep them, or write the old text back. */
export const REVIEW_DECISIONS = ['keep', 'discard'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** States of a permission request in the turn log. */
export const PERMISSION_STATES = ['pending', 'selected', 'cancelled', 'timed-out'] as const;
/** pending: waiting for a decision; selected: an option was chosen; cancelled: the turn ended first; timed-out: the timeout picked reject. */
export type PermissionState = (typeof PERMISSION_STATES)[number];

const base = { seq: z.number().int().nonnegative(), t: z.number() };
// ACP payloads are validated loosely here (shape of the envelope only); the activity reducer reads
// them defensively so an agent's odd update becomes a visible generic item, never a throw.
const acpObject = z.record(z.string(), z.unknown());

const StatusEvent = z.object({ ...base, type: z.literal('status'), state: z.enum(TURN_STATES) }).passthrough();
const PromptEvent = z.object({ ...base, type: z.literal('prompt'), prompt: z.array(acpObject) }).passthrough();
const UpdateEvent = z.object({ ...base, type: z.literal('update'), update: acpObject }).passthrough();
const PermissionEvent = z
  .object({
    ...base,
    type: z.literal('permission'),
    requestId: z.string(),
    toolCall: acpObject,
    options: z.array(acpObject),
    state: z.enum(PERMISSION_STATES),
    optionId: z.string().optional(),
    decidedBy: z.string().optional(),
    decidedAt: z.string().optional(),
  })
  .passthrough();
const ResultEvent = z
  .object({ ...base, type: z.literal('result'), stopReason: z.string(), usage: acpObject.optional(), killed: z.boolean().optional() })
  .passthrough();
const ErrorEvent = z
  .object({ ...base, type: z.literal('error'), message: z.string(), code: z.union([z.string(), z.number()]).optional() })
  .passthrough();
const SessionEvent = z
  .object({
    ...base,
    type: z.literal('session'),
    sessionId: z.string(),
    agent: z.string().optional(),
    modes: acpObject.optional(),
    configOptions: z.array(acpObject).optional(),
  })
  .passthrough();
const ReviewEvent = z
  .object({
    ...base,
    type: z.literal('review'),
    itemId: z.string(),
    file: z.string(),
    hunks: z.array(z.number().int().nonnegative()),
    decision: z.enum(REVIEW_DECISIONS),
    decidedBy: z.string(),
    decidedAt: z.string(),
  })
  .passthrough();
const NoticeEvent = z
  .object({ ...base, type: z.literal('notice'), level: z.enum(['info', 'warning', 'error']), message: z.string() })
  .passthrough();

/** Runtime schema of one turn-log event (SPEC "Turns and the turn log"). */
export const TurnEventSchema = z.discriminatedUnion('type', [
  StatusEvent,
  PromptEvent,
  UpdateEvent,
  PermissionEvent,
  ResultEvent,
  ErrorEvent,
  SessionEvent,
  NoticeEvent,
  ReviewEvent,
]);

type Envelope = { seq: number; t: number };
/** A turn status change; `by`: the account that caused it (on `stopping`: who interrupted). */
export type StatusTurnEvent = Envelope & { type: 'status'; state: (typeof TURN_STATES)[number]; by?: string };
/** What was sent to the agent. */
export type PromptTurnEvent = Envelope & { type: 'prompt'; prompt: ContentBlock[] };
/** One ACP session update, as the agent sent it (paths made workspace-relative). */
export type UpdateTurnEvent = Envelope & { type: 'update'; update: SessionUpdate };
/** A permission request and, in later events with the same requestId, its decision. */
export type PermissionTurnEvent = Envelope & {
  type: 'permission';
  requestId: string;
  toolCall: ToolCallUpdate;
  options: PermissionOption[];
  state: PermissionState;
  optionId?: string;
  decidedBy?: string;
  decidedAt?: string;
};
/** The prompt's answer: why it stopped, and the token counts the agent reported. `killed`: the agent ignored session/cancel and the hub killed it. */
export type ResultTurnEvent = Envelope & { type: 'result'; stopReason: string; usage?: Record<string, unknown>; killed?: boolean };
/** The turn failed (agent died, could not start, protocol error). */
export type ErrorTurnEvent = Envelope & { type: 'error'; message: string; code?: string | number };
/** The agent session the turn runs in, with the modes and config options the agent reported. */
export type SessionTurnEvent = Envelope & {
  type: 'session';
  sessionId: string;
  agent?: string;
  modes?: Record<string, unknown>;
  configOptions?: SessionConfigOption[];
};
/** A hub message shown in the turn (e.g. "this agent does not accept images"). */
export type NoticeTurnEvent = Envelope & { type: 'notice'; level: 'info' | 'warning' | 'error'; message: string };

/**
 * A review of an edit (`itemId`: the diff item's tool call id, `file`: one of its paths): hunks by
 * index in the file's diff (`fileDiff(oldText, newText).hunks`), kept or discarded (written back).
 */
export type ReviewTurnEvent = Envelope & {
  type: 'review';
  itemId: string;
  file: string;
  hunks: number[];
  decision: ReviewDecision;
  decidedBy: string;
  decidedAt: string;
};

/** One event of a turn log: `{ seq, t, type, ... }`, seq from 0 without gaps. */
export type TurnEvent =
  | StatusTurnEvent
  | PromptTurnEvent
  | UpdateTurnEvent
  | PermissionTurnEvent
  | ResultTurnEvent
  | ErrorTurnEvent
  | SessionTurnEvent
  | NoticeTurnEvent
  | ReviewTurnEvent;

/** The `type` of a turn event. */
export type TurnEventType = TurnEvent['type'];
