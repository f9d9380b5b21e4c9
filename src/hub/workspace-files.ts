import { opendir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ChatFileInfo } from '../protocol/index.js';

/** Folders never listed: dependencies and version-control internals are huge and not chat content; a cluster host keeps a project's state (turn logs) in .codex-chat. */
export const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', '.codex-chat']);
/** The walk stops after this many directory entries, so a giant workspace cannot stall the hub. */
const MAX_ENTRIES_VISITED = 50_000;

/**
 * Relative paths (with `/`) of the workspace's files, breadth first, without following symlinks,
 * skipping SKIPPED_FOLDERS; stops after `limit` matches or MAX_ENTRIES_VISITED entries.
 */
export async function walkWorkspace(root: string, accept: (relative: string) => boolean, limit: number): Promise<string[]> {
  const found: string[] = [];
  const queue = [''];
  let visited = 0;
  while (queue.length > 0 && found.length < limit && visited < MAX_ENTRIES_VISITED) {
    const folder = queue.shift() as string;
    let entries;
    try {
      entries = await opendir(path.join(root, folder));
    } catch {
      continue; // unreadable or vanished folder: nothing to list there
    }
    const names: Array<{ name: string; isFolder: boolean; isFile: boolean }> = [];
    for await (const entry of entries) names.push({ name: entry.name, isFolder: entry.isDirectory(), isFile: entry.isFile() });
    names.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of names) {
      visited += 1;
      const relative = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isFolder && !SKIPPED_FOLDERS.has(entry.name)) queue.push(relative);
      else if (entry.isFile && accept(relative)) {
        found.push(relative);
        if (found.length >= limit) break;
      }
    }
  }
  return found;
}

/** `chat.list`: the workspace's `.chat` files with size and modification time, newest first. */
export async function listChatFiles(root: string, limit = 1_000): Promise<ChatFileInfo[]> {
  const paths = await walkWorkspace(root, (relative) => relative.endsWith('.chat'), limit);
  const infos = await Promise.all(
    paths.map(async (relative) => {
      try {
        const info = await stat(path.join(root, relative));
        return { path: relative, size: info.size, modifiedAt: info.mtime.toISOString() };
      } catch {
        return undefined; // deleted between the walk and the stat
      }
    }),
  );
  return infos.filter((info): info is ChatFileInfo => info !== undefined).sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt));
}
