// Helpers that keep exported Markdown well-formed whatever the agent wrote: code fences longer
// than any backtick run inside, ANSI escapes removed, and headings that cannot be broken by text.

// eslint-disable-next-line no-control-regex
const ANSI_PATTERN = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

/** Removes ANSI colour and cursor escapes (terminal output is exported as plain text). */
export function stripAnsi(text: string): string {
  return text.replace(ANSI_PATTERN, '');
}

/** Wraps `body` in a code fence longer than any backtick run in it, so the body cannot close it. */
export function fenceBlock(body: string, language = ''): string {
  const longestRun = Math.max(0, ...Array.from(body.matchAll(/`+/g), (match) => match[0].length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  const text = body.endsWith('\n') ? body : `${body}\n`;
  return `${fence}${language}\n${text}${fence}`;
}

/** One line of text for a heading or list item: newlines folded, leading Markdown markers escaped. */
export function inlineText(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/^([#>*+-]|\d+\.)/, '\\$1').trim();
}

/** Prefixes every line with "> " (reasoning is exported as a quote). */
export function quoteBlock(text: string): string {
  return text
    .split('\n')
    .map((line) => (line.length > 0 ? `> ${line}` : '>'))
    .join('\n');
}
