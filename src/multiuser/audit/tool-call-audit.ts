// The audit rows of one finished tool call, read from the activity reducer's item for it (the one
// place that translates ACP tool calls: kinds, commands, diffs, locations, exit codes).
import type { ActivityItem, DiffFile, ItemStatus, PermissionItem, ToolLikeItem } from '../../activity/index.js';
import type { AuditKind } from '../../protocol/index.js';
import { auditEntry, type AuditEntry, type AuditPlace } from './audit-entry.js';
import { projectRelativeCommand, projectRelativePath } from './project-path.js';

/** How a finished tool call ended, for its rows: ok, failed, rejected, cancelled, with a non-zero exit code. */
export function toolOutcome(status: ItemStatus, exitCode: number | null): string {
  const exit = exitCode !== null && exitCode !== 0 ? ` (exit ${exitCode})` : '';
  if (status === 'completed') return exit ? `failed${exit}` : 'ok';
  return `${status}${exit}`;
}

/** The rows of a tool call at its final status: a command, file reads, writes, deletes; none for other tools. */
export function auditOfToolItem(item: ToolLikeItem, place: AuditPlace, root: string | undefined, at: string): AuditEntry[] {
  const row = (kind: AuditKind, target: string, outcome: string): AuditEntry => auditEntry(place, kind, target, outcome, at);
  if (item.kind === 'terminal') {
    return [row('command', projectRelativeCommand(item.command ?? item.title, root), toolOutcome(item.status, item.exitCode))];
  }
  const outcome = toolOutcome(item.status, null);
  if (item.kind === 'diff') return item.files.map((file) => fileRow(file, root, (kind, target) => row(kind, target, outcome)));
  const kind = fileKindOf(item.toolKind);
  if (kind === null) return [];
  const paths = uniquePaths(item.locations.map((location) => location.path));
  // A read without a location (a search, say) is still a read: its title says of what.
  if (paths.length === 0) return [row(kind, projectRelativeCommand(item.title, root), outcome)];
  return paths.map((path) => row(kind, projectRelativePath(path, root), outcome));
}

/** The approval row of a decided permission request: who chose which option, or that it timed out or was cancelled. */
export function auditOfPermission(item: PermissionItem, place: AuditPlace, root: string | undefined, at: string): AuditEntry {
  const target = projectRelativeCommand(item.command ?? item.title, root);
  // decidedBy is an account id, or the hub's own reason: 'timeout', 'interrupt', 'hub' (permission-broker.ts).
  const byHub = item.decidedBy === null || HUB_DECIDERS.has(item.decidedBy);
  const option = item.options.find((candidate) => candidate.optionId === item.optionId);
  const chosen = option === undefined ? (item.optionId ?? '') : option.kind === option.optionId ? option.kind : `${option.kind} (${option.optionId})`;
  const outcome =
    item.state === 'selected' ? chosen : item.state === 'timed-out' ? `timed-out${chosen ? `: ${chosen}` : ''}` : `cancelled${item.decidedBy ? ` (${item.decidedBy})` : ''}`;
  return auditEntry({ ...place, accountId: byHub ? null : item.decidedBy }, 'approval', target, outcome, at);
}

/** Whether an activity item is a tool call the audit records once it is final. */
export function isAuditedTool(item: ActivityItem): item is ToolLikeItem {
  return item.kind === 'terminal' || item.kind === 'diff' || item.kind === 'read' || item.kind === 'tool';
}

const HUB_DECIDERS: ReadonlySet<string> = new Set(['timeout', 'interrupt', 'hub']);

function fileKindOf(toolKind: string): AuditKind | null {
  if (toolKind === 'read' || toolKind === 'search') return 'file.read';
  if (toolKind === 'edit' || toolKind === 'move') return 'file.write';
  if (toolKind === 'delete') return 'file.delete';
  return null;
}

function fileRow(file: DiffFile, root: string | undefined, row: (kind: AuditKind, target: string) => AuditEntry): AuditEntry {
  const path = projectRelativePath(file.path, root);
  // A diff to null deletes the file, whatever kind the agent declared.
  if (file.change === 'delete' || file.newText === null) return row('file.delete', path);
  if (file.change === 'move' && file.movePath) return row('file.write', `${path} -> ${projectRelativePath(file.movePath, root)}`);
  return row('file.write', path);
}

function uniquePaths(paths: string[]): string[] {
  return [...new Set(paths)];
}
