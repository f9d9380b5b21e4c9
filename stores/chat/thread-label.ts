import type { ChatMessage } from './chat-types.js';

const LABEL_WORDS = 8;

/** The text shown for a message: the newest entry of its history. */
export function messageText(message: Pick<ChatMessage, 'history'> | undefined): string {
  return message?.history[0]?.content ?? '';
}

/**
 * A thread's label as CoCalc derives it (`deriveThreadLabel`): the trimmed `name` if set, else the
 * first eight words of the root's text, else the root's date, else "Untitled Thread". The date is
 * written in UTC rather than CoCalc's locale format, so the label is the same on every machine.
 */
export function deriveThreadLabel(root: ChatMessage | undefined, threadKey: string): string {
  const name = typeof root?.name === 'string' ? root.name.trim() : '';
  if (name) return name;
  const words = messageText(root).replace(/\s+/g, ' ').trim();
  if (words) {
    const list = words.split(' ');
    const short = list.slice(0, LABEL_WORDS).join(' ');
    return list.length > LABEL_WORDS ? `${short}…` : short;
  }
  const ms = Number(threadKey);
  if (Number.isFinite(ms) && threadKey !== '') return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return 'Untitled Thread';
}
