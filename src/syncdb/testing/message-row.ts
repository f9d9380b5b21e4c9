import type { Row } from '../../protocol/index.js';

/** A chat message row at `ms` (a reply when `root` is given) by `sender`, for tests. */
export function messageRow(ms: number, { root, text = `at ${ms}`, sender = 'ann' }: { root?: number; text?: string; sender?: string } = {}): Row {
  const date = new Date(ms).toISOString();
  return {
    event: 'chat',
    sender_id: sender,
    date,
    history: [{ author_id: sender, content: text, date }],
    ...(root === undefined ? {} : { reply_to: new Date(root).toISOString() }),
  };
}
