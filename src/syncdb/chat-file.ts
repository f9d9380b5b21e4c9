import type { Row } from '../protocol/index.js';
import { canonicalJson } from './canonical-json.js';
import { dateToMs, keyString, rowKeyProblem } from './keys.js';
import { isPlainObject } from './row-values.js';

/** A line of a `.chat` file that could not be loaded. Lines count from 1. */
export type ChatFileProblem = { line: number; message: string };

/** The rows of a `.chat` file, and the lines that were left out with why. */
export type ParsedChatFile = { rows: Row[]; problems: ChatFileProblem[] };

/**
 * Parses a `.chat` file (JSON lines, one row each). A bad line is reported with its number and
 * left out; the rest loads. Rows are returned as stored: legacy rows are upgraded when read
 * (`upgradeChatRow`), never here, so saving writes back what was there.
 */
export function parseChatFile(text: string): ParsedChatFile {
  const problems: ChatFileProblem[] = [];
  const rows = new Map<string, { row: Row; line: number }>();
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const source = lines[index].trim();
    if (source === '') continue;
    const line = index + 1;
    const parsed = parseLine(source);
    if (typeof parsed === 'string') {
      problems.push({ line, message: parsed });
      continue;
    }
    const id = keyString(parsed);
    const earlier = rows.get(id);
    if (earlier) problems.push({ line, message: `same primary key as line ${earlier.line}; the later line is kept` });
    rows.set(id, { row: parsed, line });
  }
  return { rows: [...rows.values()].map((entry) => entry.row), problems };
}

function parseLine(source: string): Row | string {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    return `not JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (!isPlainObject(value)) return 'not a JSON object';
  const problem = rowKeyProblem(value);
  if (problem) return problem;
  if (value.input != null && typeof value.input !== 'string') return 'input: expected a string';
  return value as Row;
}

/**
 * Serializes rows as a `.chat` file, deterministically: rows ordered by date, event, sender_id;
 * keys sorted inside every row; one row per line, each ending with a newline.
 */
export function serializeChatFile(rows: readonly Row[]): string {
  const ordered = [...rows].sort(compareRows);
  return ordered.map((row) => `${canonicalJson(row)}\n`).join('');
}

function compareRows(a: Row, b: Row): number {
  const byDate = dateToMs(a.date) - dateToMs(b.date);
  if (byDate !== 0 && !Number.isNaN(byDate)) return byDate;
  return compareText(String(a.event), String(b.event)) || compareText(String(a.sender_id), String(b.sender_id)) || compareText(String(a.date), String(b.date));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
