/** One line of a `.gitignore`, compiled: it applies to paths under `base` (relative, `''` = root). */
export interface IgnoreRule {
  base: string;
  regex: RegExp;
  negate: boolean;
  directoryOnly: boolean;
}

/** A glob of gitignore(5) as a regex source: `*` and `?` stay inside a segment, `**` crosses them. */
function globToRegexSource(glob: string): string {
  let source = '';
  for (let index = 0; index < glob.length; index += 1) {
    const char = glob[index];
    if (char === '*') {
      if (glob[index + 1] === '*') {
        const atSegmentStart = index === 0 || glob[index - 1] === '/';
        const atSegmentEnd = index + 2 === glob.length || glob[index + 2] === '/';
        if (atSegmentStart && atSegmentEnd) {
          // `**/` = zero or more folders; a trailing `**` = everything inside
          if (index + 2 === glob.length) source += '.*';
          else source += '(?:.*/)?';
          index += 2; // skip the second `*` and the `/`
          continue;
        }
      }
      source += '[^/]*';
    } else if (char === '?') source += '[^/]';
    else if (char === '\\' && index + 1 < glob.length) source += escapeRegex(glob[++index]);
    else if (char === '[') {
      const close = glob.indexOf(']', index + 2);
      if (close === -1) source += '\\[';
      else {
        const body = glob.slice(index + 1, close).replace(/\\/g, '\\\\');
        source += `[${body.startsWith('!') ? `^${body.slice(1)}` : body}]`;
        index = close;
      }
    } else source += escapeRegex(char);
  }
  return source;
}

function escapeRegex(char: string): string {
  return /[.+^${}()|[\]\\/-]/.test(char) ? `\\${char}` : char;
}

/** Compiles the text of the `.gitignore` found in folder `base` (relative to the workspace root). */
export function compileGitignore(text: string, base: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    // Trailing spaces are dropped unless escaped with a backslash.
    let line = rawLine.replace(/(?<!\\)\s+$/, '');
    if (line === '' || line.startsWith('#')) continue;
    let negate = false;
    if (line.startsWith('!')) {
      negate = true;
      line = line.slice(1);
    } else if (line.startsWith('\\!') || line.startsWith('\\#')) line = line.slice(1);
    const directoryOnly = line.endsWith('/');
    if (directoryOnly) line = line.slice(0, -1);
    // A slash at the start or in the middle anchors the pattern to `base`; otherwise it matches at any depth.
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    if (line === '') continue;
    const source = globToRegexSource(line);
    try {
      rules.push({ base, negate, directoryOnly, regex: new RegExp(anchored ? `^${source}$` : `^(?:.*/)?${source}$`) });
    } catch {
      // A malformed character class: git ignores such a line too.
    }
  }
  return rules;
}

/**
 * Whether `relative` (workspace-relative, `/`-separated) is ignored by `rules`, given in order from
 * the root's `.gitignore` down to the deepest one: the last matching rule wins, as in git.
 */
export function isIgnoredPath(rules: readonly IgnoreRule[], relative: string, isDirectory: boolean): boolean {
  let ignored = false;
  for (const rule of rules) {
    if (rule.directoryOnly && !isDirectory) continue;
    if (rule.base !== '' && !relative.startsWith(`${rule.base}/`)) continue;
    const inBase = rule.base === '' ? relative : relative.slice(rule.base.length + 1);
    if (rule.regex.test(inBase)) ignored = !rule.negate;
  }
  return ignored;
}
