import type { MessageItem, TurnView } from '../types.js';
import { appendTextChunk } from './text-chunk.js';

/** Applies a message chunk: agent messages, and user messages of a `session/load` replay. */
export function applyMessageChunk(
  view: TurnView,
  chunk: { role: 'agent' | 'user'; messageId: string | null; text: string },
  seq: number,
  t: number,
): void {
  const matches = (item: { kind: string; role?: string }) => item.kind === 'message' && item.role === chunk.role;
  appendTextChunk(view, { idPrefix: `${chunk.role}-message`, messageId: chunk.messageId, matches }, chunk.text, seq, t, (id) => {
    const item: MessageItem = { id, kind: 'message', role: chunk.role, messageId: chunk.messageId, text: '', startedAt: t, updatedAt: t };
    return item;
  });
}
