// @-file search on a 100,000-file tree (generated once in /tmp and kept): the time to build the
// index, a query that hits and one that misses on the index against the old full walk (substring
// match over the tree), side by side, and the heap the index holds.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createWorkspaceFileIndex } from '../src/hub/workspace-file-index.js';
import { walkWorkspace } from '../src/hub/workspace-files.js';
import { median } from './support/statistics.js';

const FILE_COUNT = 100_000;
const TREE = path.join(os.tmpdir(), `codex-chat-file-search-bench-${FILE_COUNT}`);
const LIMIT = 20;

/** 40 packages × 25 folders × 100 files, plus an ignored build folder the index must skip. */
async function makeTree(): Promise<void> {
  const done = path.join(TREE, '.complete');
  if (existsSync(done)) return;
  const words = ['chat', 'room', 'thread', 'turn', 'agent', 'diff', 'store', 'card', 'view', 'hub'];
  for (let packageIndex = 0; packageIndex < 40; packageIndex += 1) {
    for (let folderIndex = 0; folderIndex < 25; folderIndex += 1) {
      const folder = path.join(TREE, `package-${packageIndex}`, 'src', `${words[folderIndex % 10]}-${folderIndex}`);
      await mkdir(folder, { recursive: true });
      await Promise.all(
        Array.from({ length: 100 }, (_, fileIndex) => {
          const name = `${words[fileIndex % 10]}${words[(fileIndex + folderIndex) % 10]}Module${fileIndex}.ts`;
          return writeFile(path.join(folder, name), '');
        }),
      );
    }
  }
  await writeFile(path.join(TREE, 'package-7/src/room-1/ChatRoom.tsx'), '');
  await mkdir(path.join(TREE, 'build'), { recursive: true });
  await writeFile(path.join(TREE, '.gitignore'), 'build/\n');
  await writeFile(done, '');
}

const collectGarbage = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

function heapMb(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed / 1_048_576;
}

async function timed(samples: number, run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let index = 0; index < samples; index += 1) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return median(times);
}

export default async function fileSearchBench(): Promise<void> {
  const start = performance.now();
  await makeTree();
  console.log(`tree: ${FILE_COUNT.toLocaleString('en')} files in ${TREE} (ready in ${((performance.now() - start) / 1000).toFixed(1)} s)`);

  const heapBefore = heapMb();
  const index = createWorkspaceFileIndex(TREE);
  const buildStart = performance.now();
  const first = await index.search('', 1);
  console.log(`first index: ${(performance.now() - buildStart).toFixed(0)} ms${first.truncated ? ' (truncated)' : ''}`);
  console.log(`index heap: ${(heapMb() - heapBefore).toFixed(1)} MB`);

  const hit = await index.search('chtroom', LIMIT);
  console.log(`"chtroom" -> ${hit.files[0]} first`);
  const oldWalk = (needle: string) => walkWorkspace(TREE, (relative) => relative.toLowerCase().includes(needle), LIMIT);
  for (const [label, query] of [
    ['hit, 10,000 matches', 'chatroom'],
    ['hit, one file', 'chatroom.tsx'],
    ['miss', 'zzqx'],
  ] as const) {
    const walked = await timed(5, () => oldWalk(query));
    const indexed = await timed(30, () => index.search(query, LIMIT));
    console.log(`query ${label} "${query}": index ${indexed.toFixed(2)} ms, old walk ${walked.toFixed(1)} ms (${(walked / indexed).toFixed(0)}x faster)`);
  }
  console.log('(the old walk stopped after 50,000 directory entries, so its miss saw only half of the tree)');
  index.dispose();
}
