// The audit rows of real recorded turns (codex-acp, Claude, Gemini; ../shared/recordings and
// ../shared/agents, copied to fixtures/data/acp), converted to turn events the way the hub logs them.
import { readAcpRecording } from '../../../fixtures/data/read-fixtures.js';
import { recordingToEvents } from '../../../fixtures/recording-to-events.js';
import type { TurnEvent } from '../../protocol/index.js';
import { auditOfTurnEvent, auditOfTurnEvents, createTurnAuditState, type TurnAuditMeta } from './audit-of-turn-event.js';

const meta: TurnAuditMeta = { projectId: 'p1', path: 'a.chat', threadKey: 't1', turnId: 'turn-1', accountId: 'ann' };

/** The turn events of a recording, decided by `bo`; `keepAbsolute`: paths stay as the agent sent them (/workspace/...). */
function eventsOf(name: string, keepAbsolute = false): TurnEvent[] {
  return recordingToEvents(readAcpRecording(name), { decidedBy: 'bo', ...(keepAbsolute ? { workspaceRoot: '/not-the-root' } : {}) });
}

function rowsOf(name: string, extra: Partial<TurnAuditMeta> = {}, keepAbsolute = false) {
  return auditOfTurnEvents(eventsOf(name, keepAbsolute), { ...meta, ...extra }).map(({ kind, target, outcome, accountId }) => ({ kind, target, outcome, accountId }));
}

describe('auditOfTurnEvent on recorded traffic', () => {
  it('records a codex command once, at its final status with its exit code, with the turn start and end', () => {
    const rows = rowsOf('long-output');
    expect(rows).toEqual([
      { kind: 'turn', target: 'start', outcome: 'started', accountId: 'ann' },
      { kind: 'command', target: 'seq 1 200000', outcome: 'ok', accountId: 'ann' },
      { kind: 'turn', target: 'end', outcome: 'end_turn', accountId: 'ann' },
    ]);
  });

  it("records codex's `ls` reported as a read named exec_command as a command, and a multi-message turn's two commands", () => {
    expect(rowsOf('run-ls').filter((row) => row.kind === 'command')).toEqual([{ kind: 'command', target: 'List files', outcome: 'ok', accountId: 'ann' }]);
    expect(rowsOf('multi-message').filter((row) => row.kind === 'command').map((row) => row.target)).toEqual(['date -u +%Y', 'List files']);
  });

  it('records an edit of two files as two project-relative writes (a new file and an update)', () => {
    const writes = rowsOf('edit-file').filter((row) => row.kind.startsWith('file.'));
    expect(writes).toEqual([
      { kind: 'file.write', target: 'a.txt', outcome: 'ok', accountId: 'ann' },
      { kind: 'file.write', target: 'notes.md', outcome: 'ok', accountId: 'ann' },
    ]);
  });

  it('strips the project root from paths the hub did not relativize, and hides the folders of paths outside it', () => {
    expect(rowsOf('edit-file', { root: '/workspace' }, true).filter((row) => row.kind === 'file.write').map((row) => row.target)).toEqual(['a.txt', 'notes.md']);
    expect(rowsOf('edit-file', {}, true).filter((row) => row.kind === 'file.write').map((row) => row.target)).toEqual([
      '(outside the project)/a.txt',
      '(outside the project)/notes.md',
    ]);
  });

  it("records Claude's read and edit of a file, and the approval by the account that decided", () => {
    const rows = rowsOf('claude-edit-existing').filter((row) => row.kind !== 'turn');
    expect(rows).toEqual([
      { kind: 'file.read', target: 'a.txt', outcome: 'ok', accountId: 'ann' },
      { kind: 'approval', target: 'Edit a.txt', outcome: 'allow_once (allow-once)', accountId: 'bo' },
      { kind: 'file.write', target: 'a.txt', outcome: 'ok', accountId: 'ann' },
    ]);
  });

  it("records the codex escalation: the approval (who, which option) and then the approved command's exit", () => {
    const rows = rowsOf('escalate').filter((row) => row.kind !== 'turn');
    expect(rows).toEqual([
      { kind: 'approval', target: 'touch ../outside-workspace-file', outcome: 'allow_once', accountId: 'bo' },
      { kind: 'command', target: 'touch ../outside-workspace-file', outcome: 'ok', accountId: 'ann' },
    ]);
  });

  it("records Claude's and Gemini's commands with the command line, not the placeholder title", () => {
    expect(rowsOf('claude-bash-permission').filter((row) => row.kind === 'command')).toEqual([
      { kind: 'command', target: 'mkdir build && echo made > build/out.txt && cat build/out.txt', outcome: 'ok', accountId: 'ann' },
    ]);
    expect(rowsOf('gemini-run-ls').filter((row) => row.kind === 'command').map((row) => row.target)).toEqual(['ls -la && printf "\\033[32mgreen\\033[0m\\n"']);
    expect(rowsOf('gemini-edit-file').filter((row) => row.kind === 'file.write').map((row) => row.target)).toEqual(['notes.md']);
  });

  it('records a cancelled turn: the command that never completed as cancelled, the end as cancelled', () => {
    expect(rowsOf('slow-cancel').slice(1)).toEqual([
      { kind: 'command', target: 'sleep 60 && echo finished', outcome: 'cancelled', accountId: 'ann' },
      { kind: 'turn', target: 'end', outcome: 'cancelled', accountId: 'ann' },
    ]);
    expect(rowsOf('claude-slow-cancel').find((row) => row.kind === 'command')?.outcome).toBe('failed');
  });

  it('records a delete: a diff to null in a recorded edit, and a delete tool call with a location', () => {
    const events = eventsOf('edit-file').map((event) => {
      if (event.type !== 'update' || event.update.sessionUpdate !== 'tool_call') return event;
      const update = event.update as unknown as { content: Array<Record<string, unknown>> };
      return { ...event, update: { ...event.update, content: [{ ...update.content[0], newText: null, _meta: {} }] } } as unknown as TurnEvent;
    });
    const rows = auditOfTurnEvents(events, meta).filter((row) => row.kind.startsWith('file.'));
    expect(rows.map((row) => [row.kind, row.target])).toEqual([['file.delete', 'a.txt']]);
    const state = createTurnAuditState();
    const deleteCall = { toolCallId: 'd1', kind: 'delete', title: 'Delete old.txt', status: 'completed', locations: [{ path: '/workspace/old.txt' }] };
    const rowsOfDelete = auditOfTurnEvent({ seq: 0, t: 0, type: 'update', update: { sessionUpdate: 'tool_call', ...deleteCall } } as TurnEvent, { ...meta, root: '/workspace' }, state);
    expect(rowsOfDelete.map((row) => [row.kind, row.target, row.outcome])).toEqual([['file.delete', 'old.txt', 'ok']]);
  });

  it('records a permission that timed out (the hub picked reject) with no account, and the refused command as rejected', () => {
    const events = eventsOf('escalate').map((event) =>
      event.type === 'permission' && event.state === 'selected' ? { ...event, state: 'timed-out' as const, optionId: 'cancel', decidedBy: 'timeout' } : event,
    );
    const rows = auditOfTurnEvents(events, meta).filter((row) => row.kind !== 'turn');
    expect(rows.map(({ kind, outcome, accountId }) => ({ kind, outcome, accountId }))).toEqual([
      { kind: 'approval', outcome: 'timed-out: reject_once (cancel)', accountId: null },
      { kind: 'command', outcome: 'rejected', accountId: 'ann' },
    ]);
  });

  it('adds nothing for an event seen before (a replay after a reconnect)', () => {
    const events = eventsOf('run-ls');
    const state = createTurnAuditState();
    const first = events.flatMap((event) => auditOfTurnEvent(event, meta, state));
    const again = events.flatMap((event) => auditOfTurnEvent(event, meta, state));
    expect(first.length).toBeGreaterThan(0);
    expect(again).toEqual([]);
  });

  it('stamps each row with the time of the event that finished it, and carries the place of the turn', () => {
    const events = eventsOf('run-ls');
    const [, command] = auditOfTurnEvents(events, { ...meta, ip: '10.0.0.7' });
    const completing = events.find((event) => event.type === 'update' && (event.update as { status?: string }).status === 'completed')!;
    expect(command).toMatchObject({ at: new Date(completing.t).toISOString(), projectId: 'p1', path: 'a.chat', threadKey: 't1', turnId: 'turn-1', ip: '10.0.0.7' });
  });
});
