import { describe, expect, it } from 'vitest';
import { relativizePaths } from './relativize-paths.js';

describe('relativizePaths', () => {
  it('makes workspace paths and file URIs relative, leaves others alone', () => {
    const update = { content: [{ path: '/ws/a/b.txt', oldText: '/ws/x' }], locations: [{ path: 'file:///ws/c.md' }], rawInput: { cwd: '/ws', other: '/wsx/no' } };
    expect(relativizePaths(update, '/ws')).toEqual({ content: [{ path: 'a/b.txt', oldText: 'x' }], locations: [{ path: 'c.md' }], rawInput: { cwd: '.', other: '/wsx/no' } });
  });
});
