// Reads an ACP ToolCall / ToolCallUpdate (from a tool_call(_update) update or a permission request)
// into a ToolCallPatch. Part of the ACP translation boundary, with translate-acp-update.ts.
import { asArray, asNumber, asRecord, asString } from './read-wire.js';
import type { ToolCallPatch } from './translated-update.js';
import type { DiffFile, ItemStatus } from './types.js';

const STATUS_FROM_ACP: Record<string, ItemStatus> = {
  pending: 'pending',
  in_progress: 'in-progress',
  completed: 'completed',
  failed: 'failed',
};

/** The patch a tool call payload describes, or null when it has no string toolCallId. */
export function translateToolCall(payload: Record<string, unknown>): ToolCallPatch | null {
  const toolCallId = asString(payload.toolCallId);
  if (toolCallId === null || toolCallId === '') return null;
  const patch: ToolCallPatch = { toolCallId };
  const title = asString(payload.title);
  if (title !== null) patch.title = title;
  const toolKind = asString(payload.kind);
  if (toolKind !== null) patch.toolKind = toolKind;
  // codex-acp adds a non-standard `name` (e.g. exec_command) that tells shell commands apart.
  const toolName = asString(payload.name);
  if (toolName !== null) patch.toolName = toolName;
  // An unknown status value leaves the status as it was.
  const status = STATUS_FROM_ACP[asString(payload.status) ?? ''];
  if (status) patch.status = status;
  const content = asArray(payload.content);
  if (content) patch.content = translateContent(content);
  const locations = asArray(payload.locations);
  if (locations) patch.locations = translateLocations(locations);
  if ('rawInput' in payload) patch.rawInput = payload.rawInput;
  if ('rawOutput' in payload) patch.rawOutput = payload.rawOutput;
  const rawInput = asRecord(payload.rawInput);
  const command = readCommand(rawInput?.command);
  if (command !== null) patch.command = command;
  readTerminalMeta(asRecord(payload._meta), rawInput, patch);
  return patch;
}

function readTerminalMeta(meta: Record<string, unknown> | null, rawInput: Record<string, unknown> | null, patch: ToolCallPatch): void {
  const cwd = asString(rawInput?.cwd) ?? asString(asRecord(meta?.terminal_info)?.cwd);
  if (cwd !== null) patch.cwd = cwd;
  // codex-acp streams output as _meta.terminal_output.data; other agents say terminal_output_delta.
  const output = asString(asRecord(meta?.terminal_output)?.data) ?? asString(asRecord(meta?.terminal_output_delta)?.data);
  if (output !== null) patch.outputAppend = output;
  const exit = asRecord(meta?.terminal_exit);
  // codex-acp reports some shell commands (kind read, name exec_command) with rawOutput.exit_code only.
  const rawExitCode = asNumber(asRecord(patch.rawOutput)?.exit_code);
  if (exit) patch.exit = { exitCode: asNumber(exit.exit_code), signal: asString(exit.signal) };
  else if (rawExitCode !== null) patch.exit = { exitCode: rawExitCode, signal: null };
}

function translateContent(blocks: unknown[]): NonNullable<ToolCallPatch['content']> {
  const texts: string[] = [];
  const diffs: DiffFile[] = [];
  let hasTerminal = false;
  for (const entry of blocks) {
    const block = asRecord(entry);
    if (block?.type === 'terminal') hasTerminal = true;
    else if (block?.type === 'diff') {
      const diff = translateDiff(block);
      if (diff) diffs.push(diff);
    } else if (block?.type === 'content') {
      const inner = asRecord(block.content);
      const text = asString(inner?.text);
      if (text !== null) texts.push(text);
      else if (inner) texts.push(`[${asString(inner.type) ?? 'unknown'} content]`);
    }
  }
  return { texts, diffs, hasTerminal };
}

function translateDiff(block: Record<string, unknown>): DiffFile | null {
  const path = asString(block.path);
  if (path === null) return null;
  const oldText = asString(block.oldText);
  const newText = asString(block.newText);
  const declared = asString(asRecord(block._meta)?.kind);
  const movePath = asString(asRecord(block._meta)?.move_path);
  const change: DiffFile['change'] =
    declared === 'add' || declared === 'delete' || declared === 'move' || declared === 'update'
      ? declared
      : oldText === null
        ? 'add'
        : 'update';
  return { path, oldText, newText, change, ...(movePath !== null ? { movePath } : {}) };
}

function translateLocations(entries: unknown[]): Array<{ path: string; line?: number | null }> {
  return entries.flatMap((entry) => {
    const location = asRecord(entry);
    const path = asString(location?.path);
    return path === null ? [] : [{ path, line: asNumber(location?.line) }];
  });
}

function readCommand(value: unknown): string | null {
  if (typeof value === 'string') return value;
  const parts = asArray(value);
  return parts && parts.every((part) => typeof part === 'string') ? parts.join(' ') : null;
}
