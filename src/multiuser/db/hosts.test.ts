import { CLUSTER_TIMINGS } from '../../cluster/index.js';
import { describeEachDatabase } from '../testing/test-databases.js';
import { addAccount } from './accounts.js';
import type { Database } from './database.js';
import { NotFoundError } from './errors.js';
import { assignProjectHost, hostOfProject, listHosts, moveProject, touchHost } from './hosts.js';
import { runMigrations } from './migrations.js';
import { addProject } from './projects.js';

describeEachDatabase('hosts and project placement', ({ openFresh }) => {
  let db: Database;
  let counter = 0;
  beforeEach(async () => {
    db = await openFresh();
    await runMigrations(db);
  });
  const newProject = async () => {
    const owner = await addAccount(db, { email: `h${++counter}@hosts.test`, name: 'Owner' });
    return addProject(db, { name: `Hosted ${counter}`, ownerId: owner.id, folder: '/h' });
  };
  const lastSeenAgo = (id: string, ms: number) => db.query(`update hosts set last_seen_at = now() - ($2::double precision * interval '1 millisecond') where id = $1`, [id, ms]);

  it('touchHost registers a host, then refreshes it; listHosts says which are up and how many projects each has', async () => {
    expect(await listHosts(db)).toEqual([]);
    await touchHost(db, { id: 'h2', startedAt: '2026-01-01T10:00:00.000Z' });
    await touchHost(db, { id: 'h1', startedAt: '2026-01-01T10:00:00.000Z' });
    await lastSeenAgo('h1', CLUSTER_TIMINGS.hostUpWithinMs + 60_000);
    const project = await newProject();
    await moveProject(db, project.id, 'h1');
    const [h1, h2] = await listHosts(db);
    expect(h1).toEqual({ id: 'h1', startedAt: '2026-01-01T10:00:00.000Z', lastSeenAt: expect.stringMatching(/Z$/), projects: 1, up: false });
    expect(h2).toMatchObject({ id: 'h2', projects: 0, up: true });
    // A restarted host: new startedAt, up again.
    await touchHost(db, { id: 'h1', startedAt: '2026-01-01T11:00:00.000Z' });
    expect((await listHosts(db))[0]).toMatchObject({ id: 'h1', startedAt: '2026-01-01T11:00:00.000Z', up: true });
    await expect(touchHost(db, { id: 'H.1', startedAt: '2026-01-01T11:00:00.000Z' })).rejects.toThrow(/"H.1" is not a host id/);
  });

  it('assignProjectHost places on the up host with the fewest projects (ties by id) and keeps a placed project where it is', async () => {
    await touchHost(db, { id: 'h1', startedAt: '2026-01-01T10:00:00.000Z' });
    await touchHost(db, { id: 'h2', startedAt: '2026-01-01T10:00:00.000Z' });
    await touchHost(db, { id: 'h0', startedAt: '2026-01-01T10:00:00.000Z' });
    await lastSeenAgo('h0', CLUSTER_TIMINGS.hostUpWithinMs + 60_000);
    const [a, b, c] = [await newProject(), await newProject(), await newProject()];
    expect(await assignProjectHost(db, a.id)).toBe('h1');
    expect(await assignProjectHost(db, b.id)).toBe('h2');
    expect(await assignProjectHost(db, c.id)).toBe('h1');
    await moveProject(db, c.id, 'h2');
    expect(await assignProjectHost(db, c.id)).toBe('h2');
    expect(await hostOfProject(db, a.id)).toBe('h1');
  });

  it('assignProjectHost leaves the host null when no host is up', async () => {
    const project = await newProject();
    expect(await assignProjectHost(db, project.id)).toBeNull();
    await touchHost(db, { id: 'h1', startedAt: '2026-01-01T10:00:00.000Z' });
    await lastSeenAgo('h1', CLUSTER_TIMINGS.hostUpWithinMs + 60_000);
    expect(await assignProjectHost(db, project.id)).toBeNull();
    expect(await hostOfProject(db, project.id)).toBeNull();
  });

  it('concurrent placements agree on one project and spread two projects over two empty hosts', async () => {
    await touchHost(db, { id: 'h1', startedAt: '2026-01-01T10:00:00.000Z' });
    await touchHost(db, { id: 'h2', startedAt: '2026-01-01T10:00:00.000Z' });
    const [a, b] = [await newProject(), await newProject()];
    const same = await Promise.all([assignProjectHost(db, a.id), assignProjectHost(db, a.id), assignProjectHost(db, a.id)]);
    expect(new Set(same).size).toBe(1);
    const [x, y] = [await newProject(), await newProject()];
    const spread = await Promise.all([assignProjectHost(db, x.id), assignProjectHost(db, y.id), assignProjectHost(db, b.id)]);
    expect((await listHosts(db)).map((host) => host.projects)).toEqual([2, 2]);
    expect(new Set(spread).size).toBe(2);
  });

  it('moveProject and hostOfProject refuse an unknown project or host with a clear error', async () => {
    const project = await newProject();
    await touchHost(db, { id: 'h1', startedAt: '2026-01-01T10:00:00.000Z' });
    expect(await moveProject(db, project.id, 'h1')).toEqual({ from: null });
    expect(await moveProject(db, project.id, 'h1')).toEqual({ from: 'h1' });
    await expect(moveProject(db, 'no-such-project', 'h1')).rejects.toThrow(new NotFoundError('no project no-such-project'));
    await expect(moveProject(db, project.id, 'h7')).rejects.toThrow(/^no host h7 is registered/);
    await expect(hostOfProject(db, 'no-such-project')).rejects.toThrow(NotFoundError);
    await expect(assignProjectHost(db, 'no-such-project')).rejects.toThrow(new NotFoundError('no project no-such-project'));
    expect(await hostOfProject(db, project.id)).toBe('h1');
  });
});
