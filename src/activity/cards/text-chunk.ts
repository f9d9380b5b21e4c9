import type { MessageItem, ReasoningItem, TurnView } from '../types.js';

type ChunkItem = MessageItem | ReasoningItem;

/**
 * Appends a streamed chunk: to the item of the same messageId, or (agents that send no messageId)
 * to the last item when it is of the same sort and also has none; otherwise opens a new item, so
 * every message stays visible.
 */
export function appendTextChunk(
  view: TurnView,
  target: { idPrefix: string; messageId: string | null; matches: (item: ChunkItem) => boolean },
  text: string,
  seq: number,
  t: number,
  create: (id: string) => ChunkItem,
): void {
  const { idPrefix, messageId } = target;
  let id: string | null = messageId !== null ? `${idPrefix}:${messageId}` : null;
  if (id === null) {
    const last = view.items[view.order[view.order.length - 1]];
    const open = last && (last.kind === 'message' || last.kind === 'reasoning') && last.messageId === null && target.matches(last);
    id = open ? last.id : `${idPrefix}:seq-${seq}`;
  }
  const existing = view.items[id];
  if (existing && (existing.kind === 'message' || existing.kind === 'reasoning') && target.matches(existing)) {
    existing.text += text;
    existing.updatedAt = t;
    return;
  }
  if (existing) id = `${id}:seq-${seq}`;
  const item = create(id);
  item.text = text;
  view.items[id] = item;
  view.order.push(id);
}
