import { describe, expect, it } from 'vitest';
import { compileGitignore, isIgnoredPath } from './gitignore-rules.js';

const ignored = (text: string, relative: string, isDirectory = false, base = '') => isIgnoredPath(compileGitignore(text, base), relative, isDirectory);

describe('gitignore rules', () => {
  it('matches a name without a slash at any depth', () => {
    expect(ignored('*.log', 'debug.log')).toBe(true);
    expect(ignored('*.log', 'a/b/debug.log')).toBe(true);
    expect(ignored('*.log', 'a/b/debug.txt')).toBe(false);
  });

  it('anchors a pattern with a leading or inner slash to its folder', () => {
    expect(ignored('/build', 'build', true)).toBe(true);
    expect(ignored('/build', 'src/build', true)).toBe(false);
    expect(ignored('doc/*.txt', 'doc/notes.txt')).toBe(true);
    expect(ignored('doc/*.txt', 'doc/server/arch.txt')).toBe(false);
    expect(ignored('doc/*.txt', 'x/doc/notes.txt')).toBe(false);
  });

  it('applies a directory pattern only to folders', () => {
    expect(ignored('cache/', 'cache', true)).toBe(true);
    expect(ignored('cache/', 'cache', false)).toBe(false);
    expect(ignored('cache/', 'deep/cache', true)).toBe(true);
  });

  it('lets a later negation re-include a file', () => {
    expect(ignored('*.log\n!keep.log', 'keep.log')).toBe(false);
    expect(ignored('*.log\n!keep.log', 'other.log')).toBe(true);
    expect(ignored('!keep.log\n*.log', 'keep.log')).toBe(true);
  });

  it('understands ** at the start, the middle and the end', () => {
    expect(ignored('**/logs', 'a/b/logs', true)).toBe(true);
    expect(ignored('**/logs', 'logs', true)).toBe(true);
    expect(ignored('a/**/z.txt', 'a/z.txt')).toBe(true);
    expect(ignored('a/**/z.txt', 'a/b/c/z.txt')).toBe(true);
    expect(ignored('out/**', 'out/x/y.js')).toBe(true);
    expect(ignored('out/**', 'out', true)).toBe(false);
  });

  it('handles comments, blank lines, ?, character classes and escapes', () => {
    const text = '# a comment\n\nfile?.txt\n[abc].md\n\\#hash\n\\!bang\ntrailing   \n';
    expect(ignored(text, 'file1.txt')).toBe(true);
    expect(ignored(text, 'file12.txt')).toBe(false);
    expect(ignored(text, 'b.md')).toBe(true);
    expect(ignored(text, 'd.md')).toBe(false);
    expect(ignored(text, '#hash')).toBe(true);
    expect(ignored(text, '!bang')).toBe(true);
    expect(ignored(text, 'trailing')).toBe(true);
    expect(ignored(text, '# a comment')).toBe(false);
  });

  it('scopes a nested .gitignore to its own folder, and lets it override its parent', () => {
    const rules = [...compileGitignore('*.gen.ts', ''), ...compileGitignore('!keep.gen.ts\n/local', 'pkg')];
    expect(isIgnoredPath(rules, 'pkg/keep.gen.ts', false)).toBe(false);
    expect(isIgnoredPath(rules, 'keep.gen.ts', false)).toBe(true);
    expect(isIgnoredPath(rules, 'pkg/local', true)).toBe(true);
    expect(isIgnoredPath(rules, 'local', true)).toBe(false);
    expect(isIgnoredPath(rules, 'pkgx/local', true)).toBe(false);
  });

  it('skips a line with a broken character class instead of throwing', () => {
    expect(() => compileGitignore('[z-a]\n*.tmp', '')).not.toThrow();
    expect(ignored('[z-a]\n*.tmp', 'x.tmp')).toBe(true);
  });
});
