import { describe, expect, it } from 'vitest';
import { bestMatches } from './workspace-file-index.js';

const index = (paths: string[]) => new Map(paths.map((file) => [file, file.toLowerCase()]));

describe('fuzzy path ranking', () => {
  const files = index([
    'docs/catch-the-room-notes.md',
    'src/chat/thread/room-list.ts',
    'components/room/ChatRoom.test.tsx',
    'components/room/ChatRoom.tsx',
    'components/room/ThreadRoom.tsx',
    'stores/chat/history-troom.ts',
  ]);

  it('finds ChatRoom.tsx first for "chtroom", which a substring search misses', () => {
    const found = bestMatches(files, 'chtroom', 10);
    expect(found[0]).toBe('components/room/ChatRoom.tsx');
    expect(found[1]).toBe('components/room/ChatRoom.test.tsx');
  });

  it('leaves out paths that do not hold the query in order', () => {
    expect(bestMatches(files, 'zz', 10)).toEqual([]);
    expect(bestMatches(files, 'moorc', 10)).toEqual([]);
  });

  it('prefers a file-name match over one spread across folders', () => {
    const found = bestMatches(index(['main/app/index.ts', 'src/mainapp.ts']), 'mainapp', 10);
    expect(found[0]).toBe('src/mainapp.ts');
  });

  it('prefers starts of words (camel case, separators) to letters inside words', () => {
    const found = bestMatches(index(['src/hub/ashtray.ts', 'src/hub/AgentSessionTurn.ts']), 'ast', 10);
    expect(found[0]).toBe('src/hub/AgentSessionTurn.ts');
  });

  it('puts shorter paths first on a tie, and ranks an empty query by length', () => {
    expect(bestMatches(index(['a/b/c/readme.md', 'readme.md', 'x/readme.md']), 'readme', 10)).toEqual(['readme.md', 'x/readme.md', 'a/b/c/readme.md']);
    expect(bestMatches(index(['long/path.ts', 'b.ts', 'a.ts']), '', 2)).toEqual(['a.ts', 'b.ts']);
  });

  it('is case-insensitive and ignores spaces in the query', () => {
    expect(bestMatches(files, 'CHAT ROOM', 1)).toEqual(['components/room/ChatRoom.tsx']);
  });

  it('keeps only the limit', () => {
    expect(bestMatches(files, 'r', 3)).toHaveLength(3);
  });
});
