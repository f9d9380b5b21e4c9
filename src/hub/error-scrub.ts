import os from 'node:os';

/** Absolute paths of any kind: a slash-led run of at least two path segments. */
const ABSOLUTE_PATH = /(?<![\w.~-])\/(?:[^\s/'"`:,;()[\]{}<>]+\/)+[^\s/'"`:,;()[\]{}<>]*/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The last line of defence of error text sent to clients: the workspace root becomes relative, the
 * state dir and home dir placeholders. `internal` messages (from unexpected exceptions: fs errors,
 * library failures) also lose any other absolute path, which a client has no use for and the log keeps.
 */
export function createErrorScrubber(hostPaths: { root: string; stateDir: string }) {
  const named: Array<[string, string]> = [
    [hostPaths.stateDir, '<hub state>'],
    [hostPaths.root, '<workspace>'],
    [os.homedir(), '~'],
  ];
  const replacements: Array<[RegExp, string]> = named
    .filter(([hostPath]) => hostPath.length > 1) // a home of "/" would eat every slash
    .sort(([a], [b]) => b.length - a.length) // longest first: the state dir may lie inside the home dir
    .flatMap(([hostPath, placeholder]): Array<[RegExp, string]> => {
      const whole = new RegExp(`${escapeRegExp(hostPath)}(?![\\w.-])`, 'g');
      // Paths inside the workspace become relative ones, as clients name them.
      return placeholder === '<workspace>' ? [[new RegExp(`${escapeRegExp(hostPath)}/`, 'g'), ''], [whole, placeholder]] : [[whole, placeholder]];
    });
  return function scrub(text: string, options: { internal?: boolean } = {}): string {
    let scrubbed = text;
    for (const [pattern, replacement] of replacements) scrubbed = scrubbed.replace(pattern, replacement);
    return options.internal ? scrubbed.replace(ABSOLUTE_PATH, '<path>') : scrubbed;
  };
}

/** Scrubs error text for clients (see createErrorScrubber). */
export type ErrorScrubber = ReturnType<typeof createErrorScrubber>;
