import type { ChatRow } from '../../src/protocol/index.js';
import type { TurnView } from '../../src/activity/index.js';
import { exportActivityMarkdown } from './export-activity-markdown.js';
import { inlineText } from './markdown-text.js';

/** "clean": messages and final answers; "full": also each turn's activity and reasoning. */
export type ExportMode = 'clean' | 'full';

/** What an export reads: the thread's rows (root first) and, for "full", the turns' activity. */
export type ExportThreadInput = {
  rows: ChatRow[];
  mode: ExportMode;
  title?: string;
  /** The activity of an agent row's turn, when loaded. */
  turnView?: (turnId: string) => TurnView | undefined;
  /** Display name of a sender id; defaults to the id. */
  authorName?: (senderId: string) => string;
};

/** The thread as one Markdown document. Pure: reads only its arguments. */
export function exportThreadMarkdown(input: ExportThreadInput): string {
  const name = input.authorName ?? ((senderId: string) => senderId);
  const root = input.rows[0];
  const title = input.title ?? root?.name ?? 'Thread';
  const sections = [`# ${inlineText(title)}`];
  for (const row of input.rows) {
    const text = row.history[0]?.content ?? '';
    const heading = `## ${inlineText(name(row.sender_id))} · ${row.date}`;
    const turnId = row.acp_turn?.id;
    const view = input.mode === 'full' && turnId ? input.turnView?.(turnId) : undefined;
    if (view && view.order.length > 0) {
      // The activity holds every agent message of the turn, the final answer included.
      sections.push(`${heading}\n\n${exportActivityMarkdown(view)}`);
    } else {
      const note = input.mode === 'full' && turnId && !view ? '\n\n_(activity not loaded)_' : '';
      sections.push(`${heading}\n\n${text}${note}`);
    }
  }
  return `${sections.join('\n\n')}\n`;
}

/** A file name for the download: the title, made safe, plus the mode. */
export function exportFileName(title: string, mode: ExportMode): string {
  const base = title.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'thread';
  return `${base}-${mode}.md`;
}
