import { CHAT_SCHEMA_VERSION, ChatRowSchema, DraftRowSchema, parseWith } from '../protocol/index.js';
import type { ChatRow, DraftRow, HistoryEntry, ParseResult } from '../protocol/index.js';
import { readCurrentChatRow } from './current-chat-row.js';
import { dateToMs } from './keys.js';
import { isPlainObject } from './row-values.js';

// Optional fields that, when malformed, are dropped so the message itself still shows.
const DROPPABLE_FIELDS = [
  'reply_to', 'generating', 'name', 'pin', 'folding', 'feedback', 'editing', 'schema_version',
  'acp_config', 'acp_account_id', 'acp_thread_id', 'acp_usage', 'acp_turn',
] as const;

/**
 * Reads a stored `event:"chat"` row as the current schema. Legacy rows (CoCalc's `payload.content`
 * or `mesg.content` instead of `history`, epoch-number dates, no `schema_version`) are upgraded in
 * the returned value only; the stored row is never rewritten. The value is always a new object of
 * the caller's (nested values may be the stored row's frozen ones). Malformed optional fields are dropped;
 * a row without a usable date, sender or text is a problem. Never throws.
 */
export function upgradeChatRow(raw: unknown): ParseResult<ChatRow> {
  if (!isPlainObject(raw)) return { ok: false, problems: ['(root): expected an object'] };
  const current = readCurrentChatRow(raw);
  return current ? { ok: true, value: current } : upgradeChatRowBySchema(raw);
}

/** upgradeChatRow without the fast path for current rows: every row through ChatRowSchema. */
export function upgradeChatRowBySchema(raw: Record<string, unknown>): ParseResult<ChatRow> {
  if (raw.event !== 'chat') return { ok: false, problems: [`event: expected "chat", got ${JSON.stringify(raw.event)}`] };
  const row: Record<string, unknown> = { ...raw, schema_version: CHAT_SCHEMA_VERSION };
  if (typeof row.date === 'number') row.date = isoOrInvalid(row.date);
  if (typeof row.reply_to === 'number') row.reply_to = isoOrInvalid(row.reply_to);
  row.history = upgradeHistory(raw);
  delete row.payload;
  delete row.mesg;
  const first = ChatRowSchema.safeParse(row);
  if (first.success) return { ok: true, value: first.data };
  // Only success is read here: building zod's error messages is the slow part on garbage rows.
  for (const field of DROPPABLE_FIELDS) {
    if (field in row && !ChatRowSchema.shape[field].safeParse(row[field]).success) delete row[field];
  }
  return parseWith(ChatRowSchema, row);
}

/** Reads a stored `event:"draft"` row. Never throws. */
export function upgradeDraftRow(raw: unknown): ParseResult<DraftRow> {
  return parseWith(DraftRowSchema, raw);
}

function isoOrInvalid(ms: number): string {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : 'invalid date';
}

// `history` entries with a missing author or date take the row's; a non-string content is shown as JSON.
function upgradeHistory(raw: Record<string, unknown>): HistoryEntry[] | unknown {
  const sender = typeof raw.sender_id === 'string' ? raw.sender_id : '';
  const date = typeof raw.date === 'number' ? isoOrInvalid(raw.date) : raw.date;
  if (Array.isArray(raw.history)) {
    return raw.history.filter(isPlainObject).map((entry) => ({
      ...entry,
      author_id: typeof entry.author_id === 'string' ? entry.author_id : sender,
      content: asText(entry.content),
      date: typeof entry.date === 'string' && !Number.isNaN(dateToMs(entry.date)) ? entry.date : date,
    }));
  }
  const legacy = isPlainObject(raw.payload) ? raw.payload : isPlainObject(raw.mesg) ? raw.mesg : undefined;
  if (legacy === undefined || legacy.content === undefined) return raw.history ?? [];
  return [{ author_id: sender, content: asText(legacy.content), date }];
}

function asText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (content === undefined || content === null) return '';
  return JSON.stringify(content) ?? '';
}
