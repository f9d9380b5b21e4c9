import { describeEachDatabase } from '../testing/test-databases.js';
import { addAccount } from './accounts.js';
import { CHANGES_CHANNEL, parseDbChange, type DbChange } from './changes.js';
import type { Database, ListenOptions } from './database.js';
import { addMember, addProject, removeMember } from './projects.js';
import { saveSettings } from './settings.js';

/** A listener on CHANGES_CHANNEL: what it saw, and a wait for a change it has not seen yet. */
async function listenTo(db: Database, options?: ListenOptions) {
  const seen: DbChange[] = [];
  let wake: (() => void) | undefined;
  const stop = await db.listen(
    CHANGES_CHANNEL,
    (payload) => {
      const change = parseDbChange(payload);
      if (!change) throw new Error(`not a change: ${payload}`);
      seen.push(change);
      wake?.();
    },
    options,
  );
  return {
    seen,
    stop,
    async next(): Promise<DbChange> {
      const before = seen.length;
      while (seen.length === before) await new Promise<void>((resolve) => (wake = resolve));
      return seen[before];
    },
  };
}

describe('parseDbChange', () => {
  it.each([
    ['{"table":"members","project":"p1"}', { table: 'members', project: 'p1' }],
    ['{"table":"settings","project":null}', { table: 'settings' }],
    ['{"table":"projects"}', { table: 'projects' }],
  ])('%s', (payload, change) => expect(parseDbChange(payload)).toEqual(change));

  it.each(['not json', 'null', '{"table":"accounts"}', '{"table":"members","project":3}', '[]'])('refuses %s', (payload) => expect(parseDbChange(payload)).toBeUndefined());
});

describeEachDatabase('NOTIFY codex_changes', ({ db, kind }) => {
  let counter = 0;
  const newProject = async () => {
    const owner = await addAccount(db(), { email: `c${++counter}@changes.test`, name: 'Owner' });
    const project = await addProject(db(), { name: `Changes ${counter}`, ownerId: owner.id, folder: '/c' });
    return { owner, project };
  };

  it('a listener sees member changes made through the repository (another connection on Postgres), with their project', async () => {
    const { project } = await newProject();
    const other = await addAccount(db(), { email: `other${++counter}@changes.test`, name: 'Other' });
    const listening = await listenTo(db());
    const added = listening.next();
    await addMember(db(), { projectId: project.id, accountId: other.id, role: 'viewer' });
    expect(await added).toEqual({ table: 'members', project: project.id });
    const removed = listening.next();
    await removeMember(db(), { projectId: project.id, accountId: other.id });
    expect(await removed).toEqual({ table: 'members', project: project.id });
    await listening.stop();
  });

  it('a project change notifies with its project; a stopped listener hears nothing more', async () => {
    const stopped = await listenTo(db());
    const listening = await listenTo(db());
    await stopped.stop();
    const change = listening.next();
    const { project } = await newProject();
    // addProject inserts the project first, then its owner as a member.
    expect(await change).toEqual({ table: 'projects', project: project.id });
    const moved = listening.next();
    await db().query(`update projects set host_id = 'h9' where id = $1`, [project.id]);
    expect(await moved).toEqual({ table: 'projects', project: project.id });
    expect(stopped.seen).toEqual([]);
    await listening.stop();
  });

  it('refuses a channel name that is not an identifier', async () => {
    await expect(db().listen('codex changes; drop table accounts', () => {})).rejects.toThrow(/bad LISTEN channel name/);
  });

  it('settings writes notify without a project', async () => {
    const listening = await listenTo(db());
    const saved = listening.next();
    await saveSettings(db(), { any: counter }, `test-${++counter}`);
    expect(await saved).toEqual({ table: 'settings' });
    await listening.stop();
  });

  if (kind === 'postgres') {
    it('a listener whose connection is killed reconnects, says so, and hears later changes', async () => {
      let reconnected!: () => void;
      const reconnect = new Promise<void>((resolve) => (reconnected = resolve));
      const listening = await listenTo(db(), { onReconnect: () => reconnected() });
      const [killed] = await db().query<{ killed: boolean }>(
        `select pg_terminate_backend(pid) as killed from pg_stat_activity
          where datname = current_database() and query = 'listen ${CHANGES_CHANNEL}' and pid <> pg_backend_pid()`,
      );
      expect(killed).toEqual({ killed: true });
      await reconnect;
      const change = listening.next();
      const { project } = await newProject();
      expect(await change).toEqual({ table: 'projects', project: project.id });
      await listening.stop();
    });
  }
});
