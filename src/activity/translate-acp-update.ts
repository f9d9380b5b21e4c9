// The one place ACP `sessionUpdate` kinds appear (STYLE.md 2.4): an agent's update in, our
// vocabulary out. Never throws: a malformed or unknown update becomes `{ change: 'unknown' }`.
import type { SessionConfigOption } from '../protocol/index.js';
import { asArray, asNumber, asRecord, asString, describeValue } from './read-wire.js';
import { translateToolCall } from './translate-tool-call.js';
import type { TranslatedUpdate } from './translated-update.js';
import type { PlanItem } from './types.js';

/** Translates one ACP SessionUpdate (as stored in an `update` turn event). */
export function translateAcpUpdate(value: unknown): TranslatedUpdate {
  const update = asRecord(value);
  if (update === null) return unknown('update', 'update is not an object');
  const kind = asString(update.sessionUpdate);
  switch (kind) {
    case 'agent_message_chunk':
      return translateAsideChunk(update) ?? translateChunk(update, kind, (messageId, text) => ({ change: 'message-chunk', role: 'agent', messageId, text }));
    case 'user_message_chunk':
      return translateChunk(update, kind, (messageId, text) => ({ change: 'message-chunk', role: 'user', messageId, text }));
    case 'agent_thought_chunk':
      return translateChunk(update, kind, (messageId, text) => ({ change: 'reasoning-chunk', messageId, text }));
    case 'tool_call':
    case 'tool_call_update': {
      const patch = translateToolCall(update);
      return patch ? { change: 'tool-call', patch } : unknown(kind, `${kind} without a toolCallId`);
    }
    case 'plan':
      return translatePlan(update);
    case 'usage_update':
      return translateUsage(update);
    case 'available_commands_update':
      return translateCommands(update);
    case 'config_option_update': {
      const options = asArray(update.configOptions);
      if (options === null) return unknown(kind, 'config_option_update without configOptions');
      return { change: 'view', fields: { configOptions: options.filter((option) => asRecord(option) !== null) as SessionConfigOption[] } };
    }
    case 'current_mode_update': {
      const modeId = asString(update.currentModeId);
      return modeId === null ? unknown(kind, 'current_mode_update without currentModeId') : { change: 'view', fields: { currentModeId: modeId } };
    }
    case 'session_info_update':
      // codex-acp sends session_info_update with only _meta.codex.threadStatus: nothing to show.
      if (!('title' in update)) return { change: 'none' };
      return { change: 'view', fields: { title: asString(update.title) } };
    case 'notice':
      return translateNotice(update);
    default:
      if (kind === null) return unknown('update', 'update without a sessionUpdate kind');
      return unknown(describeValue(kind), `unsupported update kind "${describeValue(kind)}"`);
  }
}

function translateChunk(
  update: Record<string, unknown>,
  kind: string,
  make: (messageId: string | null, text: string) => TranslatedUpdate,
): TranslatedUpdate {
  const content = asRecord(update.content);
  const messageId = asString(update.messageId);
  const text = asString(content?.text);
  if (text !== null) return make(messageId, text);
  // A link is still readable as text; anything else (images, audio) is shown as unknown data.
  const uri = asString(content?.uri);
  if (content?.type === 'resource_link' && uri !== null) return make(messageId, `[${asString(content.name) ?? uri}](${uri})`);
  return unknown(kind, `${kind} with unsupported content type "${describeValue(content?.type ?? update.content)}"`);
}

const MODE_UPDATE = /^\[MODE_UPDATE\]\s*(\S+)\s*$/;

/**
 * Agent message chunks that are not part of the answer, told by what they carry (never by which
 * agent sent them): a chunk flagged `_meta.claudeCode.kind: "informational"` is a notice (Claude's
 * billing warning), and a chunk reading `[MODE_UPDATE] <mode>` reports the new mode (Gemini).
 * Returns null for an ordinary chunk.
 */
function translateAsideChunk(update: Record<string, unknown>): TranslatedUpdate | null {
  const text = asString(asRecord(update.content)?.text);
  if (text === null) return null;
  const flags = asRecord(asRecord(update._meta)?.claudeCode);
  if (flags?.kind === 'informational') {
    const level = flags.level === 'warning' || flags.level === 'error' ? flags.level : 'info';
    return { change: 'notice', level, message: text };
  }
  const mode = MODE_UPDATE.exec(text);
  return mode ? { change: 'view', fields: { currentModeId: mode[1] } } : null;
}

function translatePlan(update: Record<string, unknown>): TranslatedUpdate {
  const entries = asArray(update.entries);
  if (entries === null) return unknown('plan', 'plan without entries');
  const statuses = ['pending', 'in_progress', 'completed'] as const;
  const planEntries: PlanItem['entries'] = entries.flatMap((entry) => {
    const record = asRecord(entry);
    const content = asString(record?.content);
    if (content === null) return [];
    const status = statuses.find((value) => value === record?.status) ?? 'pending';
    return [{ content, priority: asString(record?.priority) ?? 'medium', status }];
  });
  return { change: 'plan', entries: planEntries };
}

function translateUsage(update: Record<string, unknown>): TranslatedUpdate {
  const used = asNumber(update.used);
  const size = asNumber(update.size);
  if (used === null || size === null) return unknown('usage_update', 'usage_update without numeric used/size');
  const cost = asRecord(update.cost);
  const amount = asNumber(cost?.amount);
  const currency = asString(cost?.currency);
  return { change: 'usage', usage: { used, size, ...(amount !== null && currency !== null ? { cost: { amount, currency } } : {}) } };
}

function translateCommands(update: Record<string, unknown>): TranslatedUpdate {
  const commands = asArray(update.availableCommands);
  if (commands === null) return unknown('available_commands_update', 'available_commands_update without availableCommands');
  const availableCommands = commands.flatMap((entry) => {
    const name = asString(asRecord(entry)?.name);
    return name === null ? [] : [{ name, description: asString(asRecord(entry)?.description) ?? '' }];
  });
  return { change: 'view', fields: { availableCommands } };
}

function translateNotice(update: Record<string, unknown>): TranslatedUpdate {
  const severity = asString(update.severity);
  const level = severity === 'warning' || severity === 'error' ? severity : 'info';
  const title = asString(update.title) ?? 'Notice';
  const description = asString(update.description);
  return { change: 'notice', level, message: description ? `${title}: ${description}` : title };
}

function unknown(label: string, reason: string): TranslatedUpdate {
  return { change: 'unknown', label, reason };
}
