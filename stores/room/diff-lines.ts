/**
 * A unified-style diff body for export, in O(lines): common leading and trailing lines are kept as
 * context, the differing middle is shown as removed then added. Not minimal, but always correct,
 * and cheap on the 5,000-line edits agents produce.
 */
export function diffLines(oldText: string | null, newText: string | null): string {
  const oldLines = splitLines(oldText);
  const newLines = splitLines(newText);
  let head = 0;
  while (head < oldLines.length && head < newLines.length && oldLines[head] === newLines[head]) head += 1;
  let tail = 0;
  while (
    tail < oldLines.length - head &&
    tail < newLines.length - head &&
    oldLines[oldLines.length - 1 - tail] === newLines[newLines.length - 1 - tail]
  ) {
    tail += 1;
  }
  const context = (lines: string[]) => lines.map((line) => ` ${line}`);
  return [
    ...context(oldLines.slice(Math.max(0, head - CONTEXT_LINES), head)),
    ...oldLines.slice(head, oldLines.length - tail).map((line) => `-${line}`),
    ...newLines.slice(head, newLines.length - tail).map((line) => `+${line}`),
    ...context(newLines.slice(newLines.length - tail, newLines.length - tail + CONTEXT_LINES)),
  ].join('\n');
}

const CONTEXT_LINES = 3;

function splitLines(text: string | null): string[] {
  if (text === null || text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
