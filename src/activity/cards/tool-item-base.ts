import type { ItemStatus } from '../types.js';

/** Fields every tool-like item (terminal, diff, read, fetch, think, tool) starts with. */
export type ToolItemBase = {
  id: string;
  toolCallId: string;
  title: string;
  status: ItemStatus;
  toolKind: string;
  toolName: string | null;
  startedAt: number;
  updatedAt: number;
};
