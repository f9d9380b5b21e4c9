import type { ContentBlock } from '../../protocol/index.js';
import type { TurnRequest } from './types.js';

/** The text a queued turn shows (its text blocks), as the queue lists it. */
export function promptText(prompt: readonly ContentBlock[]): string {
  return prompt.map((block) => (block.type === 'text' ? block.text : '')).join(' ');
}

/**
 * A prompt with its text replaced by `text`: the text blocks become one, where the first was;
 * the other blocks (attached files, images) stay, in their order.
 */
export function replacePromptText(prompt: readonly ContentBlock[], text: string): ContentBlock[] {
  const first = prompt.findIndex((block) => block.type === 'text');
  const others = prompt.filter((block) => block.type !== 'text');
  const at = Math.max(0, first); // every block before the first text one is not text
  return [...others.slice(0, at), { type: 'text', text }, ...others.slice(at)];
}

/** Moves the queue entry at `from` to `toIndex` (clamped), in place; false when nothing moves. */
export function moveEntry(queue: TurnRequest[], from: number, toIndex: number): boolean {
  const to = Math.max(0, Math.min(queue.length - 1, toIndex));
  if (from === to) return false;
  const [entry] = queue.splice(from, 1);
  queue.splice(to, 0, entry);
  return true;
}
