import { randomBytes } from 'node:crypto';
import { open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Replaces `file` with `content` so that a crash (even `kill -9` or power loss) leaves either the old
 * or the new file, never a mix: write a temporary file beside it, fsync, rename over, fsync the folder.
 */
export async function writeFileAtomic(file: string, content: string, mode = 0o644): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temporary, 'w', mode);
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncFolder(path.dirname(file));
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}

/**
 * Removes the temporary files a killed save of `file` left beside it (`.<name>.<pid>.<hex>.tmp`):
 * those of this process (no save of the file is under way while it loads) and of processes that are
 * gone. A live other process (another hub) may still rename its own, so those stay.
 */
export async function removeStaleTemporaryFiles(file: string): Promise<string[]> {
  const folder = path.dirname(file);
  const prefix = `.${path.basename(file)}.`;
  const removed: string[] = [];
  for (const name of await readdir(folder)) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const match = /^(\d+)\.[0-9a-f]+\.tmp$/.exec(name.slice(prefix.length));
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid !== process.pid && isRunning(pid)) continue;
    await rm(path.join(folder, name), { force: true });
    removed.push(name);
  }
  if (removed.length > 0) console.warn(`[hub] removed ${removed.length} temporary file(s) left by an interrupted save of ${path.basename(file)}`);
  return removed;
}

async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch (error) {
    // Some file systems refuse fsync on a folder; the rename itself is still atomic there.
    if ((error as NodeJS.ErrnoException).code !== 'EISDIR' && (error as NodeJS.ErrnoException).code !== 'EINVAL') {
      console.warn(`[hub] fsync of ${folder} failed:`, (error as Error).message);
    }
  } finally {
    await handle?.close();
  }
}
