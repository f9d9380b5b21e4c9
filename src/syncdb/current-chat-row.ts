import { AcpConfigSchema, AcpTurnSchema, AcpUsageSchema, CHAT_SCHEMA_VERSION, ChatRowSchema } from '../protocol/index.js';
import type { ChatRow, HistoryEntry } from '../protocol/index.js';
import { parseIsoDate } from './iso-date.js';
import { isPlainObject } from './row-values.js';

/**
 * Reads a chat row that is already in the current shape, or gives up. Why: zod read every row of a
 * document on open (~45% of building the chat store of 10,000 messages); nearly every stored row is
 * already current, and checking its fields by hand is many times cheaper. The result equals what
 * `ChatRowSchema` makes of the row (same fields, same key order: the schema's fields first, then the
 * extra ones); anything not plainly current (legacy fields, epoch dates, a malformed or unusual
 * field, an own `__proto__` key) returns undefined and goes the schema's way. Frozen nested values
 * (a stored row's) are shared instead of copied; they can never change.
 */
export function readCurrentChatRow(raw: Record<string, unknown>): ChatRow | undefined {
  if (raw.event !== 'chat' || !isIsoDate(raw.date) || typeof raw.sender_id !== 'string') return undefined;
  const history = currentHistory(raw.history);
  if (history === undefined) return undefined;
  const row: Record<string, unknown> = {};
  for (const field of SCHEMA_FIELDS) {
    if (field === 'schema_version') {
      row.schema_version = CHAT_SCHEMA_VERSION; // upgradeChatRow stamps every row it reads
      continue;
    }
    if (!(field in raw)) continue;
    const value = field === 'history' ? history : checkField(field, raw[field]);
    if (value === REFUSED) return undefined;
    row[field] = value;
  }
  for (const field of Object.keys(raw)) {
    if (SCHEMA_FIELD_SET.has(field)) continue;
    // Legacy content fields need the upgrade; an own `__proto__` key is left to the schema's handling.
    if (field === 'payload' || field === 'mesg' || field === '__proto__') return undefined;
    row[field] = raw[field];
  }
  return row as ChatRow;
}

const SCHEMA_FIELDS = Object.keys(ChatRowSchema.shape) as Array<keyof typeof ChatRowSchema.shape>;
const SCHEMA_FIELD_SET = new Set<string>(SCHEMA_FIELDS);
const REFUSED = Symbol('refused');
/** Fields too rich to check by hand: their own schema reads them (cheap next to the whole row's). */
const NESTED_SCHEMAS = { acp_config: AcpConfigSchema, acp_usage: AcpUsageSchema, acp_turn: AcpTurnSchema } as const;

function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(parseIsoDate(value));
}

/** The value the schema would give `field` (an optional one: undefined stays undefined), or REFUSED. */
function checkField(field: string, value: unknown): unknown {
  if (value === undefined) return field === 'event' || field === 'date' || field === 'sender_id' ? REFUSED : undefined;
  switch (field) {
    case 'event':
    case 'date':
    case 'sender_id':
      return value; // checked by readCurrentChatRow
    case 'reply_to':
      return isIsoDate(value) ? value : REFUSED;
    case 'generating':
    case 'pin':
      return typeof value === 'boolean' ? value : REFUSED;
    case 'name':
    case 'acp_account_id':
    case 'acp_thread_id':
      return typeof value === 'string' ? value : REFUSED;
    case 'folding':
      return isStringArray(value) ? shared(value, () => [...value]) : REFUSED;
    case 'feedback':
      return isStringRecord(value) ? shared(value, () => ({ ...value })) : REFUSED;
    case 'acp_config':
    case 'acp_usage':
    case 'acp_turn': {
      const parsed = NESTED_SCHEMAS[field].safeParse(value);
      return parsed.success ? parsed.data : REFUSED;
    }
    default:
      return REFUSED; // editing, and any field the schema gains later: the schema reads them
  }
}

// A frozen value is shared (no one can change it); an unfrozen one is copied, as the schema would.
function shared<T extends object>(value: T, copy: () => T): T {
  return Object.isFrozen(value) ? value : copy();
}

function isStringArray(value: unknown): value is string[] {
  if (!Array.isArray(value)) return false;
  // An index loop, not every(): a hole is an undefined entry the schema refuses.
  for (let position = 0; position < value.length; position += 1) if (typeof value[position] !== 'string') return false;
  return true;
}

function isStringRecord(value: unknown): value is Record<string, string> {
  if (!isPlainObject(value) || Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key of Object.keys(value)) if (key === '__proto__' || typeof value[key] !== 'string') return false;
  return true;
}

const ENTRY_FIELDS = ['author_id', 'content', 'date'] as const;

/** `history` as the schema gives it, when every entry is exactly `{ author_id, content, date }`. */
function currentHistory(value: unknown): HistoryEntry[] | undefined {
  if (!Array.isArray(value)) return undefined;
  let reusable = Object.isFrozen(value);
  const entries: HistoryEntry[] = [];
  for (const entry of value as unknown[]) {
    if (!isPlainObject(entry) || typeof entry.author_id !== 'string' || typeof entry.content !== 'string' || !isIsoDate(entry.date)) return undefined;
    const keys = Object.keys(entry);
    if (keys.length !== ENTRY_FIELDS.length) return undefined; // extra fields: the schema strips them
    const inOrder = keys.every((key, position) => key === ENTRY_FIELDS[position]);
    if (inOrder && Object.isFrozen(entry)) {
      entries.push(entry as HistoryEntry);
    } else {
      reusable = false;
      entries.push({ author_id: entry.author_id, content: entry.content, date: entry.date });
    }
  }
  return reusable ? (value as HistoryEntry[]) : entries;
}
