/** What the text before the caret asks for: a slash command (at the start) or an `@` file mention. */
export type ComposerTrigger = { kind: 'command' | 'mention'; query: string; start: number; end: number } | null;

/** Finds a `/command` typed at the very start, or an `@path` being typed at the caret. */
export function findComposerTrigger(text: string, caret: number): ComposerTrigger {
  const before = text.slice(0, caret);
  const command = /^\/([\w$-]*)$/.exec(before);
  if (command) return { kind: 'command', query: command[1], start: 0, end: caret };
  const mention = /(^|\s)@([\w./-]*)$/.exec(before);
  if (mention) {
    const start = caret - mention[2].length - 1;
    return { kind: 'mention', query: mention[2], start, end: caret };
  }
  return null;
}

/** The text with the trigger replaced by the picked value (`/name ` or `@path `), and the new caret. */
export function applyComposerPick(text: string, trigger: NonNullable<ComposerTrigger>, value: string): { text: string; caret: number } {
  const inserted = `${trigger.kind === 'command' ? '/' : '@'}${value} `;
  return { text: text.slice(0, trigger.start) + inserted + text.slice(trigger.end), caret: trigger.start + inserted.length };
}

/** Slash commands whose name starts with the query (case-insensitive), then those containing it. */
export function filterCommands<T extends { name: string }>(commands: readonly T[], query: string, limit = 20): T[] {
  const needle = query.toLowerCase();
  const starts = commands.filter((command) => command.name.toLowerCase().startsWith(needle));
  const contains = commands.filter((command) => !command.name.toLowerCase().startsWith(needle) && command.name.toLowerCase().includes(needle));
  return [...starts, ...contains].slice(0, limit);
}
