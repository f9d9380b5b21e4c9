import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { preparePrompt } from './prepare-prompt.js';

describe('preparePrompt', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'codex-chat-prompt-'));
  writeFileSync(path.join(root, 'notes.md'), 'x');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('drops images an agent does not accept, with a notice', () => {
    const image = { type: 'image' as const, data: 'iVBORw0KGgo=', mimeType: 'image/png' };
    expect(preparePrompt([image], { root, acceptsImages: true }).blocks).toEqual([image]);
    const refused = preparePrompt([{ type: 'text', text: 'look' }, image], { root, acceptsImages: false });
    expect(refused.blocks).toEqual([{ type: 'text', text: 'look' }]);
    expect(refused.notices[0]).toMatch(/does not accept images/);
  });

  it('turns @file mentions of workspace files into resource links, never outside the root', () => {
    const prepared = preparePrompt([{ type: 'text', text: 'read @notes.md and @missing.md and @../etc/passwd' }], { root, acceptsImages: false });
    expect(prepared.blocks.slice(1)).toEqual([{ type: 'resource_link', name: 'notes.md', uri: `file://${root}/notes.md` }]);
    const outside = preparePrompt([{ type: 'resource_link', name: 'x', uri: '../../etc/passwd' }], { root, acceptsImages: false });
    expect(outside.blocks).toEqual([]);
    expect(outside.notices[0]).toMatch(/outside the workspace/);
  });
});
