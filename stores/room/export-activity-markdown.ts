import type { ActivityItem, BoundedText, TurnView } from '../../src/activity/index.js';
import { diffLines } from './diff-lines.js';
import { fenceBlock, inlineText, quoteBlock, stripAnsi } from './markdown-text.js';

/** The Markdown of a turn's activity ("full" export): every item in order, agent messages included. */
export function exportActivityMarkdown(view: TurnView): string {
  const blocks = view.order.map((id) => view.items[id]).filter((item) => item !== undefined).map(itemMarkdown);
  if (view.error) blocks.push(`**Error:** ${inlineText(view.error.message)}`);
  if (view.stopReason && view.stopReason !== 'end_turn') blocks.push(`_Stopped: ${inlineText(view.stopReason)}_`);
  return blocks.join('\n\n');
}

function itemMarkdown(item: ActivityItem): string {
  switch (item.kind) {
    case 'message':
      return item.role === 'user' ? quoteBlock(item.text) : item.text;
    case 'reasoning':
      return `**Reasoning**\n\n${quoteBlock(item.text)}`;
    case 'terminal': {
      const where = item.cwd ? ` (in \`${inlineText(item.cwd)}\`)` : '';
      const exit = item.exitCode !== null ? `exit ${item.exitCode}` : item.signal ? `signal ${item.signal}` : item.status;
      const command = item.command ?? item.title;
      return `**Command**${where}: ${exit}\n\n${fenceBlock(`$ ${command}\n${boundedText(item.output)}`, 'console')}`;
    }
    case 'diff':
      return [
        `**Edit:** ${inlineText(item.title)} (${item.status})`,
        ...item.files.map((file) => {
          const header = `--- ${file.oldText === null ? '/dev/null' : `a/${file.path}`}\n+++ ${file.newText === null ? '/dev/null' : `b/${file.movePath ?? file.path}`}`;
          return fenceBlock(`${header}\n${diffLines(file.oldText, file.newText)}`, 'diff');
        }),
      ].join('\n\n');
    case 'read':
    case 'fetch':
    case 'think':
    case 'tool': {
      const locations = item.locations.map((location) => `\`${inlineText(location.path)}\``).join(', ');
      const text = item.text ? `\n\n${fenceBlock(stripAnsi(item.text))}` : '';
      return `**${capitalize(item.toolKind || item.kind)}:** ${inlineText(item.title)} (${item.status})${locations ? ` ${locations}` : ''}${text}`;
    }
    case 'plan':
      return ['**Plan**', '', ...item.entries.map((entry) => `- [${entry.status === 'completed' ? 'x' : ' '}] ${inlineText(entry.content)}${entry.status === 'in_progress' ? ' (in progress)' : ''}`)].join('\n');
    case 'permission': {
      const chosen = item.options.find((option) => option.optionId === item.optionId);
      const decision = item.state === 'selected' ? `${chosen?.name ?? item.optionId}${item.decidedBy ? ` by ${item.decidedBy}` : ''}` : item.state;
      return `**Permission:** ${inlineText(item.title)}: ${inlineText(decision ?? '')}`;
    }
    case 'notice':
      return `**${capitalize(item.level)}:** ${inlineText(item.message)}`;
    case 'unknown':
      return `**Unknown item:** ${inlineText(item.label)}`;
  }
}

function boundedText(output: BoundedText): string {
  const cut = output.droppedChars > 0 ? `\n[... ${output.droppedChars} characters not kept ...]\n` : '';
  return stripAnsi(`${output.head}${cut}${output.tail}`);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
