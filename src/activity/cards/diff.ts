import type { ToolCallPatch } from '../translated-update.js';
import type { DiffItem } from '../types.js';
import type { ToolItemBase } from './tool-item-base.js';

/** A new diff item (a file edit). */
export function createDiffItem(base: ToolItemBase): DiffItem {
  return { ...base, kind: 'diff', files: [] };
}

/** Applies a tool call patch to a diff item: diff content replaces the files. */
export function applyDiffPatch(item: DiffItem, patch: ToolCallPatch): void {
  if (patch.content && patch.content.diffs.length > 0) item.files = patch.content.diffs;
}
