import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, makeTempDirs, startTestHub, waitFor } from './hub-test-helpers.js';
import { createWorkspaceFileIndex } from './workspace-file-index.js';

async function write(root: string, files: Record<string, string>): Promise<void> {
  for (const [relative, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, relative)), { recursive: true });
    await writeFile(path.join(root, relative), text);
  }
}

describe('@-file search on the hub (files.list)', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function hubWithClient() {
    const hub = await startTestHub();
    cleanups.push(hub.dispose);
    const client = connectClient(hub);
    cleanups.push(() => client.close());
    const list = async (query = '', limit = 50) => (await client.call('files.list', { query, limit })).files;
    return { hub, client, list };
  }

  it('ranks fuzzily: "chtroom" finds ChatRoom.tsx first', async () => {
    const { hub, list } = await hubWithClient();
    await write(hub.root, {
      'components/room/ChatRoom.tsx': '',
      'components/room/ChatRoom.test.tsx': '',
      'src/chat/thread/room-list.ts': '',
      'docs/catch-the-room.md': '',
    });
    const found = await list('chtroom');
    expect(found[0]).toBe('components/room/ChatRoom.tsx');
    expect(found).toContain('docs/catch-the-room.md');
  });

  it('leaves out .git, node_modules and what nested .gitignore files exclude, with negations and folder patterns', async () => {
    const { hub, list } = await hubWithClient();
    await write(hub.root, {
      '.gitignore': '*.log\n!keep.log\nbuild/\n/secret.txt\n',
      '.git/HEAD': '',
      'node_modules/pkg/index.js': '',
      'deep/node_modules/pkg/index.js': '',
      'src/main.ts': '',
      'src/app.log': '',
      'keep.log': '',
      'build/out.js': '',
      'src/build/out.js': '',
      'secret.txt': '',
      'src/secret.txt': '',
      'pkg/.gitignore': '*.gen.ts\n!wanted.gen.ts\n',
      'pkg/a.gen.ts': '',
      'pkg/wanted.gen.ts': '',
      'pkg/b.ts': '',
      'other/a.gen.ts': '',
    });
    expect((await list()).sort()).toEqual(['.gitignore', 'keep.log', 'other/a.gen.ts', 'pkg/.gitignore', 'pkg/b.ts', 'pkg/wanted.gen.ts', 'src/main.ts', 'src/secret.txt']);
  });

  it('keeps the index current: created, renamed and deleted files and folders, and a changed .gitignore', async () => {
    const { hub, list } = await hubWithClient();
    await write(hub.root, { 'src/main.ts': '' });
    expect(await list('main')).toEqual(['src/main.ts']);

    await write(hub.root, { 'src/ChatRoom.tsx': '' });
    await waitFor('the created file to be found', async () => (await list('chtroom')).includes('src/ChatRoom.tsx'));

    await write(hub.root, { 'fresh/deeper/notes.md': '' });
    await waitFor('a file in a new folder tree to be found', async () => (await list('notes')).includes('fresh/deeper/notes.md'));
    await write(hub.root, { 'fresh/deeper/later.md': '' });
    await waitFor('a file added in that new folder to be found', async () => (await list('later')).includes('fresh/deeper/later.md'));

    await rename(path.join(hub.root, 'src/main.ts'), path.join(hub.root, 'src/entry.ts'));
    await waitFor('the rename to be seen', async () => {
      const files = await list();
      return files.includes('src/entry.ts') && !files.includes('src/main.ts');
    });

    await rm(path.join(hub.root, 'src/ChatRoom.tsx'));
    await waitFor('the deleted file to be gone', async () => !(await list()).includes('src/ChatRoom.tsx'));
    await rm(path.join(hub.root, 'fresh'), { recursive: true });
    await waitFor('the deleted folder to be gone', async () => !(await list()).some((file) => file.startsWith('fresh/')));

    await write(hub.root, { '.gitignore': 'src/\n' });
    await waitFor('the new .gitignore to apply', async () => !(await list()).includes('src/entry.ts'));
  });

  it("ends its folder watchers with the hub's close()", async () => {
    const { hub, list } = await hubWithClient();
    await write(hub.root, { 'a/one.ts': '', 'b/c/two.ts': '' });
    expect(await list('two')).toEqual(['b/c/two.ts']);
    expect(hub.fileIndex.watcherCount()).toBe(4); // root, a, b, b/c
    await hub.close();
    expect(hub.fileIndex.watcherCount()).toBe(0);
  });

  it('stops at its bound and says so', async () => {
    const dirs = await makeTempDirs();
    cleanups.push(dirs.remove);
    await write(dirs.root, { 'a.ts': '', 'b.ts': '', 'c.ts': '', 'd.ts': '' });
    const index = createWorkspaceFileIndex(dirs.root, 3);
    cleanups.push(() => index.dispose());
    const result = await index.search('', 10);
    expect(result.files).toHaveLength(3);
    expect(result.truncated).toBe(true);
  });
});
