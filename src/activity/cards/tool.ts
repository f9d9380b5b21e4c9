import type { ToolCallPatch } from '../translated-update.js';
import type { ToolItem } from '../types.js';
import type { ToolItemBase } from './tool-item-base.js';

/** Text content a tool item keeps; the rest is counted in `textDroppedChars` (a read of a huge file). */
export const MAX_TOOL_TEXT_CHARS = 256 * 1024;

/** A new read/search, fetch, think or generic tool item. */
export function createToolItem(base: ToolItemBase, kind: ToolItem['kind']): ToolItem {
  return { ...base, kind, locations: [], text: '', rawInput: null, rawOutput: null };
}

/** Applies a tool call patch to a tool item: content and locations replace. */
export function applyToolPatch(item: ToolItem, patch: ToolCallPatch): void {
  if (patch.content) {
    const text = patch.content.texts.join('\n');
    item.text = text.length > MAX_TOOL_TEXT_CHARS ? text.slice(0, MAX_TOOL_TEXT_CHARS) : text;
    item.textDroppedChars = Math.max(0, text.length - MAX_TOOL_TEXT_CHARS);
  }
  if (patch.locations) item.locations = patch.locations;
  if (patch.rawInput !== undefined) item.rawInput = patch.rawInput;
  if (patch.rawOutput !== undefined) item.rawOutput = patch.rawOutput;
}
