import type { ReasoningItem, TurnView } from '../types.js';
import { appendTextChunk } from './text-chunk.js';

/** Applies a chunk of the agent's reasoning. */
export function applyReasoningChunk(view: TurnView, chunk: { messageId: string | null; text: string }, seq: number, t: number): void {
  const matches = (item: { kind: string }) => item.kind === 'reasoning';
  appendTextChunk(view, { idPrefix: 'reasoning', messageId: chunk.messageId, matches }, chunk.text, seq, t, (id) => {
    const item: ReasoningItem = { id, kind: 'reasoning', messageId: chunk.messageId, text: '', startedAt: t, updatedAt: t };
    return item;
  });
}
