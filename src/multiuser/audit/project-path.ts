// Paths in audit rows are project-relative: members must not learn where the host keeps a project
// (or anything else of the host's layout). The hub already relativizes turn events inside the root;
// this also covers an agent that reports a path outside it, or events that were not relativized.

/** Shown in place of the folders of a path outside the project. */
export const OUTSIDE_PROJECT = '(outside the project)';

/** A path as an audit row shows it: relative to `root`, or only its last name when it is absolute elsewhere. */
export function projectRelativePath(value: string, root?: string): string {
  const plain = value.startsWith('file://') ? value.slice('file://'.length) : value;
  const base = root?.replace(/[\\/]+$/, '');
  if (base) {
    if (plain === base) return '.';
    if (plain.startsWith(`${base}/`) || plain.startsWith(`${base}\\`)) return plain.slice(base.length + 1);
  }
  if (!isAbsolute(plain)) return plain;
  const name = plain.split(/[\\/]/).filter(Boolean).pop();
  return name ? `${OUTSIDE_PROJECT}/${name}` : OUTSIDE_PROJECT;
}

/** A command line with the project root written as `.` (its other text is what the agent ran). */
export function projectRelativeCommand(command: string, root?: string): string {
  const base = root?.replace(/[\\/]+$/, '');
  if (!base) return command;
  // Only the root as a whole path word: `/workspace/a` -> `a`, `/workspace` -> `.`, `/workspace-old` stays.
  const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const word = new RegExp(`(^|[\\s"'=:(])${escaped}(?:/|(?=[\\s"';)|&]|$))`, 'g');
  return command.replace(word, (match, before: string) => (match.endsWith('/') ? before : `${before}.`));
}

function isAbsolute(value: string): boolean {
  return value.startsWith('/') || value.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(value);
}
