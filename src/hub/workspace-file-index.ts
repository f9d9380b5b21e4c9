import { watch, type FSWatcher } from 'node:fs';
import { lstat, opendir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { compareScored, scorePath } from './fuzzy-path-score.js';
import { compileGitignore, isIgnoredPath, type IgnoreRule } from './gitignore-rules.js';
import { SKIPPED_FOLDERS } from './workspace-files.js';

/** The index stops growing here (a clear log line says so) so a giant tree cannot exhaust the hub. */
export const MAX_INDEXED_FILES = 200_000;
/** Watcher events are applied in batches this far apart: a `git checkout` is one pass, not thousands. */
const EVENT_BATCH_MS = 25;
/** An index nobody searched for this long is dropped (watchers closed); the next search rebuilds it. */
const IDLE_MS = 10 * 60_000;

/** Paths of the workspace's files (not ignored), kept current by one watcher per folder. */
interface Snapshot {
  files: Map<string, string>; // relative path -> its lowercase form, computed once
  watchers: Map<string, FSWatcher>; // relative folder ('' = root) -> its watcher
  rules: Map<string, IgnoreRule[]>; // relative folder -> rules of its .gitignore
  truncated: boolean;
  closed: boolean;
}

/** What `files.list` answers: the best matches, and whether the index had to stop at its bound. */
export interface FileSearchResult {
  files: string[];
  truncated: boolean;
}

export interface WorkspaceFileIndex {
  search(query: string, limit: number): Promise<FileSearchResult>;
  /** How many folder watchers are open (0 before the first search, after idling out and after dispose). */
  watcherCount(): number;
  dispose(): void;
}

/**
 * An index of `root`'s files for @-mention search, built on first use: `.git`, `node_modules` and
 * what `.gitignore` files (nested, with negations) exclude are left out; a watcher on every folder
 * keeps it current; results are ranked fuzzily (`chtroom` finds `ChatRoom.tsx`).
 */
export function createWorkspaceFileIndex(root: string, maxFiles = MAX_INDEXED_FILES): WorkspaceFileIndex {
  let current: { snapshot: Snapshot; ready: Promise<void> } | undefined;
  let idleTimer: NodeJS.Timeout | undefined;

  /** The rules that apply to the entries of `folder`: its own .gitignore's and its ancestors', root first. */
  function rulesForFolder(snapshot: Snapshot, folder: string): IgnoreRule[] {
    const applicable = [...(snapshot.rules.get('') ?? [])];
    if (folder === '') return applicable;
    for (let slash = folder.indexOf('/'); slash !== -1; slash = folder.indexOf('/', slash + 1)) {
      applicable.push(...(snapshot.rules.get(folder.slice(0, slash)) ?? []));
    }
    applicable.push(...(snapshot.rules.get(folder) ?? []));
    return applicable;
  }

  function isExcluded(rules: IgnoreRule[], relative: string, isFolder: boolean): boolean {
    if (isFolder && SKIPPED_FOLDERS.has(path.posix.basename(relative))) return true;
    return isIgnoredPath(rules, relative, isFolder);
  }

  function isExcludedPath(snapshot: Snapshot, relative: string, isFolder: boolean): boolean {
    const folder = path.posix.dirname(relative);
    return isExcluded(rulesForFolder(snapshot, folder === '.' ? '' : folder), relative, isFolder);
  }

  function addFile(snapshot: Snapshot, relative: string): void {
    if (snapshot.files.has(relative)) return;
    if (snapshot.files.size >= maxFiles) {
      if (!snapshot.truncated) console.warn(`[hub] file index of ${root} stopped at ${maxFiles.toLocaleString('en')} files; @-search covers only those`);
      snapshot.truncated = true;
      return;
    }
    snapshot.files.set(relative, relative.toLowerCase());
  }

  /** Watches `folder`, reads its .gitignore, then indexes its files and those of its subfolders, breadth first. */
  async function indexFolder(snapshot: Snapshot, start: string): Promise<void> {
    const queue = [start];
    while (queue.length > 0 && !snapshot.closed) {
      const folder = queue.shift() as string;
      if (snapshot.watchers.has(folder)) continue;
      watchFolder(snapshot, folder);
      const absolute = path.join(root, folder);
      const gitignore = await readFile(path.join(absolute, '.gitignore'), 'utf8').catch(() => undefined);
      if (gitignore !== undefined) snapshot.rules.set(folder, compileGitignore(gitignore, folder));
      let entries;
      try {
        entries = await opendir(absolute);
      } catch {
        continue; // unreadable or vanished folder: nothing to index there
      }
      const rules = rulesForFolder(snapshot, folder);
      for await (const entry of entries) {
        const relative = folder === '' ? entry.name : `${folder}/${entry.name}`;
        if (entry.isDirectory()) {
          if (!isExcluded(rules, relative, true)) queue.push(relative);
        } else if (entry.isFile() && !isExcluded(rules, relative, false)) addFile(snapshot, relative);
      }
    }
  }

  function watchFolder(snapshot: Snapshot, folder: string): void {
    let watcher: FSWatcher;
    try {
      watcher = watch(path.join(root, folder), { persistent: false }, (_event, name) => {
        if (name === null) {
          if (!snapshot.closed) rebuild(); // the platform did not say what changed
        }
        else queueChange(snapshot, folder === '' ? name.toString() : `${folder}/${name.toString()}`);
      });
    } catch (error) {
      // Out of inotify watches (ENOSPC) or the folder vanished: that folder's changes go unseen.
      console.warn(`[hub] cannot watch ${folder || '.'} for @-search: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      return;
    }
    watcher.on('error', () => closeWatchersUnder(snapshot, folder));
    snapshot.watchers.set(folder, watcher);
  }

  function closeWatchersUnder(snapshot: Snapshot, folder: string): void {
    for (const [watched, watcher] of snapshot.watchers) {
      if (watched === folder || watched.startsWith(`${folder}/`)) {
        watcher.close();
        snapshot.watchers.delete(watched);
        snapshot.rules.delete(watched);
      }
    }
  }

  const pending = new Map<Snapshot, Set<string>>();
  function queueChange(snapshot: Snapshot, relative: string): void {
    if (snapshot.closed) return;
    if (path.posix.basename(relative) === '.gitignore') return rebuild(); // rules changed: which files count changed too
    let paths = pending.get(snapshot);
    if (!paths) {
      pending.set(snapshot, (paths = new Set()));
      setTimeout(() => {
        pending.delete(snapshot);
        void applyChanges(snapshot, paths as Set<string>);
      }, EVENT_BATCH_MS).unref();
    }
    paths.add(relative);
  }

  async function applyChanges(snapshot: Snapshot, paths: Set<string>): Promise<void> {
    for (const relative of paths) {
      if (snapshot.closed) return;
      const info = await lstat(path.join(root, relative)).catch(() => undefined);
      if (info?.isFile()) {
        if (!isExcludedPath(snapshot, relative, false)) addFile(snapshot, relative);
      } else if (info?.isDirectory()) {
        if (!isExcludedPath(snapshot, relative, true)) await indexFolder(snapshot, relative);
      } else {
        // Gone (or replaced by a symlink, which the index does not follow): drop it and anything under it.
        snapshot.files.delete(relative);
        const prefix = `${relative}/`;
        for (const file of snapshot.files.keys()) if (file.startsWith(prefix)) snapshot.files.delete(file);
        closeWatchersUnder(snapshot, relative);
      }
    }
  }

  function close(): void {
    if (!current) return;
    current.snapshot.closed = true;
    for (const watcher of current.snapshot.watchers.values()) watcher.close();
    current = undefined;
  }

  function rebuild(): void {
    close();
    const snapshot: Snapshot = { files: new Map(), watchers: new Map(), rules: new Map(), truncated: false, closed: false };
    current = { snapshot, ready: indexFolder(snapshot, '') };
  }

  return {
    async search(query, limit) {
      if (!current) rebuild();
      clearTimeout(idleTimer);
      idleTimer = setTimeout(close, IDLE_MS).unref();
      const { snapshot, ready } = current as NonNullable<typeof current>;
      await ready;
      return { files: bestMatches(snapshot.files, query, limit), truncated: snapshot.truncated };
    },
    watcherCount: () => current?.snapshot.watchers.size ?? 0,
    dispose() {
      clearTimeout(idleTimer);
      close();
    },
  };
}

/** The `limit` best-ranked paths for `query` (spaces ignored); an empty query ranks by length. */
export function bestMatches(files: Map<string, string>, query: string, limit: number): string[] {
  const needle = query.toLowerCase().replace(/\s+/g, '').replace(/\\/g, '/');
  const top: Array<{ path: string; score: number }> = [];
  for (const [file, lower] of files) {
    const score = needle === '' ? 0 : scorePath(file, lower, needle);
    if (score === null) continue;
    const candidate = { path: file, score };
    if (top.length >= limit && compareScored(candidate, top[top.length - 1]) >= 0) continue;
    let low = 0;
    let high = top.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compareScored(top[middle], candidate) <= 0) low = middle + 1;
      else high = middle;
    }
    top.splice(low, 0, candidate);
    if (top.length > limit) top.pop();
  }
  return top.map((entry) => entry.path);
}
