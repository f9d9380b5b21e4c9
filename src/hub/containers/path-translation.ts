// The agent in a container sees the project at CONTAINER_PROJECT_PATH; the hub thinks in host paths.
// Its ACP (newline-delimited JSON-RPC) is translated here, both ways, so the rest of the hub (session
// cwd, prompt links, the workspace-relative display of relativize-paths.ts, file links) is unchanged.
import { CONTAINER_PROJECT_PATH } from './container-settings.js';

/** Per-agent rewrites of what the hub sends, for agents that must behave differently in a container. */
export type OutboundRewrite = (message: Record<string, unknown>) => Record<string, unknown>;

function swapPrefix(text: string, from: string, to: string): string | undefined {
  if (text === from) return to;
  if (text.startsWith(`${from}/`)) return to + text.slice(from.length);
  if (text === `file://${from}`) return `file://${to}`;
  if (text.startsWith(`file://${from}/`)) return `file://${to}${text.slice(`file://${from}`.length)}`;
  return undefined;
}

function mapStrings(value: unknown, convert: (text: string, key: string | undefined) => string, key?: string): unknown {
  if (typeof value === 'string') return convert(value, key);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, convert, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, mapStrings(inner, convert, name)]));
  return value;
}

/** Host → container: whole-string host paths of the project become in-container paths. */
export function toContainerPaths<T>(value: T, root: string): T {
  return mapStrings(value, (text) => swapPrefix(text, root, CONTAINER_PROJECT_PATH) ?? text) as T;
}

/** Text fields that name paths among words (a command, a tool title): shown relative to the project. */
const PROSE_KEYS = new Set(['title', 'command', 'cmd']);
const IN_PROSE = new RegExp(`(^|[\\s'"=(:])${CONTAINER_PROJECT_PATH}(/|(?=[\\s'")]|$))`, 'g');

/**
 * Container → host: whole-string in-container paths become host paths (the hub then shows them
 * relative to the project and links them to its files); inside a command or a title, the project
 * path is dropped so `cat /project/a.txt` reads `cat a.txt`.
 */
export function toHostPaths<T>(value: T, root: string): T {
  return mapStrings(value, (text, key) => {
    const whole = swapPrefix(text, CONTAINER_PROJECT_PATH, root);
    if (whole !== undefined) return whole;
    return key && PROSE_KEYS.has(key) ? text.replace(IN_PROSE, (_match, before: string, after: string) => `${before}${after === '/' ? '' : '.'}`) : text;
  }) as T;
}

/** A newline-delimited JSON transform (lines that are not JSON pass through unchanged). */
function jsonLines(convert: (message: unknown) => unknown): TransformStream<Uint8Array, Uint8Array> {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let pending = '';
  const line = (text: string) => {
    if (text.trim() === '') return text;
    try {
      return JSON.stringify(convert(JSON.parse(text)));
    } catch {
      return text;
    }
  };
  return new TransformStream({
    transform(chunk, controller) {
      pending += decoder.decode(chunk, { stream: true });
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      if (lines.length > 0) controller.enqueue(encoder.encode(lines.map((text) => `${line(text)}\n`).join('')));
    },
    flush(controller) {
      if (pending) controller.enqueue(encoder.encode(line(pending)));
    },
  });
}

/** Wraps an agent's stdio with the translation (and the agent's outbound rewrite). */
export function translateAgentStreams(
  stdin: WritableStream<Uint8Array>,
  stdout: ReadableStream<Uint8Array>,
  root: string,
  rewrite: OutboundRewrite = (message) => message,
): { stdin: WritableStream<Uint8Array>; stdout: ReadableStream<Uint8Array> } {
  const outbound = jsonLines((message) => toContainerPaths(rewrite(message as Record<string, unknown>), root));
  void outbound.readable.pipeTo(stdin).catch(() => {}); // a dead agent: the exit is reported by the process
  return { stdin: outbound.writable, stdout: stdout.pipeThrough(jsonLines((message) => toHostPaths(message, root))) };
}
