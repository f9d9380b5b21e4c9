import type { NoticeItem, TurnView } from '../types.js';

/** Adds a notice (from a hub `notice` event or an agent's notice update). */
export function addNotice(view: TurnView, notice: { level: NoticeItem['level']; message: string }, seq: number, t: number): void {
  const id = `notice:${seq}`;
  if (!view.items[id]) view.order.push(id);
  view.items[id] = { id, kind: 'notice', level: notice.level, message: notice.message, startedAt: t, updatedAt: t };
}
