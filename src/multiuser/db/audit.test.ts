import type { AuditKind } from '../../protocol/multiuser.js';
import { describeEachDatabase } from '../testing/test-databases.js';
import { addAccount } from './accounts.js';
import { appendAudit, listAudit, type AuditEntry } from './audit.js';
import { addMember, addProject } from './projects.js';

const entry = (fields: Partial<AuditEntry> & { kind: AuditKind; target: string }): AuditEntry => ({
  accountId: null,
  ip: null,
  projectId: null,
  path: null,
  threadKey: null,
  turnId: null,
  outcome: 'ok',
  ...fields,
});

describeEachDatabase('audit', ({ db }) => {
  let ann: string, bo: string, admin: string;
  beforeAll(async () => {
    ann = (await addAccount(db(), { email: 'ann@audit.test', name: 'Ann' })).id;
    bo = (await addAccount(db(), { email: 'bo@audit.test', name: 'Bo' })).id;
    admin = (await addAccount(db(), { email: 'root@audit.test', name: 'Root', isAdmin: true })).id;
    await addProject(db(), { name: 'pa', ownerId: ann, folder: '/pa' });
    await addProject(db(), { name: 'pb', ownerId: bo, folder: '/pb' });
    await addMember(db(), { projectId: 'pb', accountId: ann, role: 'viewer' });
    await appendAudit(db(), [
      entry({ accountId: ann, ip: '10.0.0.1', projectId: 'pa', path: 'a.chat', threadKey: 't1', turnId: 'u1', kind: 'command', target: 'ls -la', at: '2026-01-01T10:00:00.000Z' }),
      entry({ accountId: ann, projectId: 'pa', path: 'a.chat', threadKey: 't1', kind: 'file.write', target: 'src/x.ts', at: '2026-01-02T10:00:00.000Z' }),
      entry({ accountId: bo, projectId: 'pb', path: 'b.chat', kind: 'approval', target: 'edit', outcome: 'allow_once' }),
      entry({ accountId: ann, kind: 'login', target: 'password' }),
      entry({ accountId: bo, kind: 'login', target: 'password', outcome: 'failed' }),
    ]);
  });

  it('rows come back whole, newest first, ids as strings', async () => {
    const { rows } = await listAudit(db(), { project: 'pa' }, { accountId: admin, isAdmin: true });
    expect(rows).toEqual([
      { id: expect.stringMatching(/^\d+$/), at: '2026-01-02T10:00:00.000Z', accountId: ann, ip: null, projectId: 'pa', path: 'a.chat', threadKey: 't1', turnId: null, kind: 'file.write', target: 'src/x.ts', outcome: 'ok' },
      { id: expect.stringMatching(/^\d+$/), at: '2026-01-01T10:00:00.000Z', accountId: ann, ip: '10.0.0.1', projectId: 'pa', path: 'a.chat', threadKey: 't1', turnId: 'u1', kind: 'command', target: 'ls -la', outcome: 'ok' },
    ]);
    expect(Number(rows[0].id)).toBeGreaterThan(Number(rows[1].id));
  });

  it('UPDATE and DELETE are refused by the database (the rows stay as they were)', async () => {
    await expect(db().query(`update audit set outcome = 'forged'`)).rejects.toThrow('audit is append-only: UPDATE refused');
    await expect(db().query(`delete from audit where kind = 'login'`)).rejects.toThrow('audit is append-only: DELETE refused');
    const { rows } = await listAudit(db(), {}, { accountId: admin, isAdmin: true });
    expect(rows.filter((row) => row.outcome === 'forged')).toEqual([]);
    expect(rows.filter((row) => row.kind === 'login')).toHaveLength(2);
  });

  it("a member sees their projects' rows and their own rows outside projects; an admin sees all", async () => {
    const visible = async (accountId: string, isAdmin = false) => (await listAudit(db(), {}, { accountId, isAdmin })).rows.map((row) => `${row.projectId ?? '-'}:${row.kind}`);
    expect(await visible(ann)).toEqual(['-:login', 'pb:approval', 'pa:file.write', 'pa:command']);
    expect(await visible(bo)).toEqual(['-:login', 'pb:approval']);
    expect(await visible(admin, true)).toHaveLength(5);
    expect(await listAudit(db(), { project: 'pa' }, { accountId: bo, isAdmin: false })).toEqual({ rows: [] });
  });

  it('filters: kinds, account, thread, path, time range', async () => {
    const asAdmin = { accountId: admin, isAdmin: true };
    const kinds = async (query: Parameters<typeof listAudit>[1]) => (await listAudit(db(), query, asAdmin)).rows.map((row) => row.kind);
    expect(await kinds({ kinds: ['login', 'approval'] })).toEqual(['login', 'login', 'approval']);
    expect(await kinds({ accountId: bo })).toEqual(['login', 'approval']);
    expect(await kinds({ threadKey: 't1' })).toEqual(['file.write', 'command']);
    expect(await kinds({ path: 'b.chat' })).toEqual(['approval']);
    expect(await kinds({ from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' })).toEqual(['command']);
  });

  it('pages with before/nextBefore until the last page', async () => {
    const asAdmin = { accountId: admin, isAdmin: true };
    const first = await listAudit(db(), { limit: 2 }, asAdmin);
    expect(first.rows).toHaveLength(2);
    const second = await listAudit(db(), { limit: 2, before: first.nextBefore }, asAdmin);
    const third = await listAudit(db(), { limit: 2, before: second.nextBefore }, asAdmin);
    expect(third.nextBefore).toBeUndefined();
    const all = [...first.rows, ...second.rows, ...third.rows].map((row) => row.id);
    expect(all).toEqual((await listAudit(db(), {}, asAdmin)).rows.map((row) => row.id));
  });
});
