import { describeEachDatabase } from '../testing/test-databases.js';
import { addAccount } from './accounts.js';
import { AlreadyExistsError, RefusedChangeError } from './errors.js';
import { addMember, addProject, findProject, listMembers, listProjects, listProjectsOf, membersOf, removeMember, roleOf, slugOf } from './projects.js';

describe('slugOf', () => {
  it.each([
    ['My App', 'my-app'],
    ['  Été 2026 / Q3!  ', 'ete-2026-q3'],
    ['***', 'project'],
    ['a'.repeat(60), 'a'.repeat(48)],
  ])('%j -> %j', (name, slug) => expect(slugOf(name)).toBe(slug));
});

describeEachDatabase('projects and members', ({ db }) => {
  let counter = 0;
  const newAccount = (name = 'Someone') => addAccount(db(), { email: `m${++counter}@projects.test`, name });

  it('add: the id is the slug, the folder may depend on it, the owner is a member as owner', async () => {
    const owner = await newAccount('Owner');
    const project = await addProject(db(), { name: 'Alpha Site', ownerId: owner.id, folder: (id) => `/data/projects/${id}` });
    expect(project).toEqual({ id: 'alpha-site', name: 'Alpha Site', folder: '/data/projects/alpha-site', hostId: null, createdAt: expect.stringMatching(/Z$/) });
    expect(await roleOf(db(), owner.id, 'alpha-site')).toBe('owner');
    expect(await listProjectsOf(db(), owner.id)).toEqual([{ id: 'alpha-site', name: 'Alpha Site', role: 'owner', createdAt: project.createdAt }]);
    expect(await findProject(db(), 'alpha-site')).toEqual(project);
    expect(await findProject(db(), 'Alpha Site')).toEqual(project);
    expect(await findProject(db(), 'nope')).toBeNull();
  });

  it('a taken name is refused; a name with a taken slug gets the next free id', async () => {
    const owner = await newAccount();
    await addProject(db(), { name: 'Beta', ownerId: owner.id, folder: '/b' });
    await expect(addProject(db(), { name: 'Beta', ownerId: owner.id, folder: '/b2' })).rejects.toThrow(new AlreadyExistsError('a project named Beta already exists'));
    expect((await addProject(db(), { name: 'beta!', ownerId: owner.id, folder: '/b3' })).id).toBe('beta-2');
    expect((await addProject(db(), { name: 'BETA', ownerId: owner.id, folder: '/b4' })).id).toBe('beta-3');
  });

  it('an unknown owner adds nothing (one transaction)', async () => {
    await expect(addProject(db(), { name: 'Orphan', ownerId: 'no-such-account', folder: '/o' })).rejects.toThrow();
    expect(await findProject(db(), 'Orphan')).toBeNull();
  });

  it('members: add, change role, list (owners first), membersOf, remove', async () => {
    const owner = await newAccount('Owner');
    const ann = await newAccount('Ann');
    const bo = await newAccount('Bo');
    const { id } = await addProject(db(), { name: 'Gamma', ownerId: owner.id, folder: '/g' });
    expect(await addMember(db(), { projectId: id, accountId: ann.id, role: 'viewer' })).toEqual({ previousRole: null });
    expect(await addMember(db(), { projectId: id, accountId: ann.id, role: 'collaborator' })).toEqual({ previousRole: 'viewer' });
    await addMember(db(), { projectId: id, accountId: bo.id, role: 'viewer' });
    expect((await listMembers(db(), id)).map((member) => [member.name, member.role])).toEqual([['Owner', 'owner'], ['Ann', 'collaborator'], ['Bo', 'viewer']]);
    expect(new Set(await membersOf(db(), id))).toEqual(new Set([{ accountId: owner.id, role: 'owner' }, { accountId: ann.id, role: 'collaborator' }, { accountId: bo.id, role: 'viewer' }]));
    expect(await removeMember(db(), { projectId: id, accountId: bo.id })).toBe('viewer');
    expect(await removeMember(db(), { projectId: id, accountId: bo.id })).toBeNull();
    expect(await roleOf(db(), bo.id, id)).toBeNull();
    expect(await listProjectsOf(db(), bo.id)).toEqual([]);
  });

  it('the last owner can be neither removed nor demoted; with a second owner both work', async () => {
    const owner = await newAccount();
    const other = await newAccount();
    const { id } = await addProject(db(), { name: 'Delta', ownerId: owner.id, folder: '/d' });
    await expect(removeMember(db(), { projectId: id, accountId: owner.id })).rejects.toThrow(new RefusedChangeError('delta would have no owner left'));
    await expect(addMember(db(), { projectId: id, accountId: owner.id, role: 'viewer' })).rejects.toThrow(RefusedChangeError);
    expect(await roleOf(db(), owner.id, id)).toBe('owner');
    await addMember(db(), { projectId: id, accountId: other.id, role: 'owner' });
    await addMember(db(), { projectId: id, accountId: owner.id, role: 'viewer' });
    expect(await removeMember(db(), { projectId: id, accountId: owner.id })).toBe('viewer');
  });

  it('the role column refuses anything but owner, collaborator, viewer', async () => {
    const owner = await newAccount();
    const { id } = await addProject(db(), { name: 'Epsilon', ownerId: owner.id, folder: '/e' });
    const other = await newAccount();
    await expect(db().query(`insert into members (project_id, account_id, role) values ($1, $2, 'admin')`, [id, other.id])).rejects.toThrow(/check constraint/);
  });

  it('listProjects gives every project with its member count', async () => {
    const owner = await newAccount();
    const { id } = await addProject(db(), { name: 'Zeta', ownerId: owner.id, folder: '/z' });
    await addMember(db(), { projectId: id, accountId: (await newAccount()).id, role: 'viewer' });
    expect((await listProjects(db())).find((project) => project.id === id)).toMatchObject({ name: 'Zeta', folder: '/z', members: 2 });
  });
});
