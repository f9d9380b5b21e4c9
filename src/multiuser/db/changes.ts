// The cross-process invalidation channel: triggers (migration 2) NOTIFY on it when members,
// projects or settings change, whoever changed them (a hub, a host, the admin CLI).

export const CHANGES_CHANNEL = 'codex_changes';

export type ChangedTable = 'members' | 'projects' | 'settings';

/** One changed row: its table and, for members and projects, the project it belongs to. */
export type DbChange = { table: ChangedTable; project?: string };

const TABLES: readonly string[] = ['members', 'projects', 'settings'] satisfies ChangedTable[];

/** A NOTIFY payload of CHANGES_CHANNEL; undefined when it is not one (logged by the caller if it cares). */
export function parseDbChange(payload: string): DbChange | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return undefined;
  }
  const { table, project } = (parsed ?? {}) as Record<string, unknown>;
  if (typeof table !== 'string' || !TABLES.includes(table)) return undefined;
  if (project !== undefined && project !== null && typeof project !== 'string') return undefined;
  return typeof project === 'string' ? { table: table as ChangedTable, project } : { table: table as ChangedTable };
}
