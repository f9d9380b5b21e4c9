// audit.list on both databases: members see their projects' rows (any role) and nothing of other
// projects; admins see all; filters, paging with `before`, the limit clamp, bad params.
import { ACP_API_ERROR_CODES } from '../../protocol/index.js';
import { addAccount, addMember, addProject, AUDIT_PAGE_MAX, type Account, type Database } from '../db/index.js';
import { describeEachDatabase } from '../testing/test-databases.js';
import type { AuditEntry } from './audit-entry.js';
import { createAuditLog } from './audit-log.js';
import { createAuditMethods } from './audit-methods.js';

type World = { ann: Account; bo: Account; vi: Account; root: Account; projectA: string; projectB: string };

async function world(db: Database, tag: string): Promise<World> {
  const ann = await addAccount(db, { email: `ann-${tag}@example.org`, name: 'Ann' });
  const bo = await addAccount(db, { email: `bo-${tag}@example.org`, name: 'Bo' });
  const vi = await addAccount(db, { email: `vi-${tag}@example.org`, name: 'Vi' });
  const root = await addAccount(db, { email: `root-${tag}@example.org`, name: 'Root', isAdmin: true });
  const projectA = (await addProject(db, { name: `A ${tag}`, ownerId: ann.id, folder: '/srv/a' })).id;
  const projectB = (await addProject(db, { name: `B ${tag}`, ownerId: bo.id, folder: '/srv/b' })).id;
  await addMember(db, { projectId: projectA, accountId: vi.id, role: 'viewer' });
  const log = createAuditLog(db);
  const row = (accountId: string, projectId: string | null, kind: AuditEntry['kind'], target: string, extra: Partial<AuditEntry> = {}): void =>
    log.record({ accountId, ip: null, projectId, path: null, threadKey: null, turnId: null, kind, target, outcome: 'ok', ...extra });
  row(ann.id, null, 'login', 'password', { at: '2026-01-01T08:00:00Z' });
  row(bo.id, null, 'login', 'password', { at: '2026-01-01T08:00:00Z' });
  row(ann.id, projectA, 'command', 'ls', { path: 'x.chat', threadKey: 't1', at: '2026-01-01T09:00:00Z' });
  row(ann.id, projectA, 'file.write', 'a.txt', { path: 'x.chat', threadKey: 't2', at: '2026-01-01T10:00:00Z' });
  row(vi.id, projectA, 'refused', 'turn.send', { path: 'x.chat', threadKey: 't1', at: '2026-01-01T11:00:00Z' });
  row(bo.id, projectB, 'command', 'cat secret-plan.md', { at: '2026-01-01T09:30:00Z' });
  await log.flush();
  return { ann, bo, vi, root, projectA, projectB };
}

const as = (account: Account) => ({ clientId: 'c', accountId: account.id, isAdmin: account.isAdmin });

describeEachDatabase('audit.list', ({ db }) => {
  const list = (...args: Parameters<ReturnType<typeof createAuditMethods>['audit.list']>) => createAuditMethods({ db: db() })['audit.list'](...args);

  it("shows a member their projects' rows and their own login, nothing of another project; a viewer too", async () => {
    const w = await world(db(), 'visibility');
    const ann = await list({}, as(w.ann));
    expect(ann.rows.map((row) => row.target)).toEqual(['turn.send', 'a.txt', 'ls', 'password']);
    expect(ann.rows.every((row) => row.projectId === w.projectA || (row.projectId === null && row.accountId === w.ann.id))).toBe(true);
    const vi = await list({ project: w.projectA }, as(w.vi));
    expect(vi.rows.map((row) => row.target)).toEqual(['turn.send', 'a.txt', 'ls']);
    expect(JSON.stringify(await list({}, as(w.ann)))).not.toContain('secret-plan');
  });

  it("refuses another project's rows with the router's message, the same for an unknown project", async () => {
    const w = await world(db(), 'forbidden');
    await expect(list({ project: w.projectB }, as(w.ann))).rejects.toMatchObject({ code: ACP_API_ERROR_CODES.forbidden, message: `not a member of project ${w.projectB}` });
    await expect(list({ project: 'no-such-project' }, as(w.ann))).rejects.toMatchObject({ code: ACP_API_ERROR_CODES.forbidden, message: 'not a member of project no-such-project' });
  });

  it('shows an admin every project, and any one project', async () => {
    const w = await world(db(), 'admin');
    const all = (await list({ limit: AUDIT_PAGE_MAX }, as(w.root))).rows;
    expect(all.some((row) => row.projectId === w.projectA)).toBe(true);
    expect(all.some((row) => row.projectId === w.projectB)).toBe(true);
    expect((await list({ project: w.projectB }, as(w.root))).rows.map((row) => row.target)).toEqual(['cat secret-plan.md']);
  });

  it('filters by kinds, account, time range, chat path and thread', async () => {
    const w = await world(db(), 'filters');
    const targets = async (query: Parameters<typeof list>[0]) => (await list({ project: w.projectA, ...query }, as(w.ann))).rows.map((row) => row.target);
    expect(await targets({ kinds: ['command', 'file.write'] })).toEqual(['a.txt', 'ls']);
    expect(await targets({ accountId: w.vi.id })).toEqual(['turn.send']);
    expect(await targets({ from: '2026-01-01T09:30:00Z', to: '2026-01-01T11:00:00Z' })).toEqual(['a.txt']);
    expect(await targets({ path: 'x.chat', threadKey: 't1' })).toEqual(['turn.send', 'ls']);
  });

  it('pages newest first with before, and clamps the limit', async () => {
    const w = await world(db(), 'paging');
    const first = await list({ project: w.projectA, limit: 2 }, as(w.ann));
    expect(first.rows.map((row) => row.target)).toEqual(['turn.send', 'a.txt']);
    const second = await list({ project: w.projectA, limit: 2, before: first.next }, as(w.ann));
    expect(second).toEqual({ rows: [expect.objectContaining({ target: 'ls' })] });
    const log = createAuditLog(db());
    for (let index = 0; index < AUDIT_PAGE_MAX + 5; index++) log.record({ accountId: w.ann.id, ip: null, projectId: w.projectA, path: null, threadKey: null, turnId: null, kind: 'command', target: `n${index}`, outcome: 'ok' });
    await log.flush();
    const big = await list({ project: w.projectA, limit: 1_000_000 }, as(w.ann));
    expect(big.rows).toHaveLength(AUDIT_PAGE_MAX);
    expect(big.rows[0].target).toBe(`n${AUDIT_PAGE_MAX + 4}`);
    expect(big.next).toBeDefined();
  });

  it('refuses bad params with every problem named, before any query', async () => {
    const w = await world(db(), 'bad-params');
    const refused = list({ kinds: ['command', 'rm'], from: 'yesterday', before: '1; drop table audit', limit: 0, extra: 1 } as never, as(w.ann));
    await expect(refused).rejects.toMatchObject({ code: ACP_API_ERROR_CODES.invalidParams });
    await expect(refused).rejects.toThrow(/kinds\.1.*from: expected an ISO time.*before: expected a row id.*limit/s);
    await expect(list(null as never, as(w.ann))).resolves.toMatchObject({ rows: expect.any(Array) });
  });
});
