import { appendBoundedText, boundedTextOf, createBoundedText } from '../bounded-text.js';
import { isOpenStatus } from '../item-status.js';
import type { ToolCallPatch } from '../translated-update.js';
import type { TerminalItem } from '../types.js';
import type { ToolItemBase } from './tool-item-base.js';

/** A new terminal item (a shell command). */
export function createTerminalItem(base: ToolItemBase): TerminalItem {
  return { ...base, kind: 'terminal', command: null, cwd: null, output: createBoundedText(), exitCode: null, signal: null };
}

/** Applies a tool call patch to a terminal item: output appends, exit ends it. */
export function applyTerminalPatch(item: TerminalItem, patch: ToolCallPatch): void {
  if (patch.command !== undefined) item.command = patch.command;
  if (patch.cwd !== undefined) item.cwd = patch.cwd;
  // Text content replaces the output: codex-acp reports `ls` (kind read, exec_command) this way, Gemini
  // every command (once, at the end). Text content of a call still open is no output: it describes the
  // call (Gemini: "[current working directory ...] (description)"), and the end replaces it anyway.
  const open = isOpenStatus(patch.status ?? item.status);
  if (patch.content && patch.content.texts.length > 0 && !open) item.output = boundedTextOf(patch.content.texts.join(''));
  if (patch.outputAppend !== undefined) appendBoundedText(item.output, patch.outputAppend);
  if (patch.exit) {
    item.exitCode = patch.exit.exitCode;
    item.signal = patch.exit.signal;
    if (patch.status === undefined && isOpenStatus(item.status)) item.status = patch.exit.exitCode === 0 ? 'completed' : 'failed';
  }
}
