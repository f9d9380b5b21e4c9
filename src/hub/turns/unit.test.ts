import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PermissionBroker, rejectOptionOf } from './permission-broker.js';
import { preparePrompt } from './prepare-prompt.js';
import { relativizePaths } from './relativize-paths.js';

const OPTIONS = [
  { optionId: 'yes', name: 'Yes', kind: 'allow_once' as const },
  { optionId: 'no', name: 'No', kind: 'reject_once' as const },
];

describe('relativizePaths', () => {
  it('makes workspace paths and file URIs relative, leaves others alone', () => {
    const update = { content: [{ path: '/ws/a/b.txt', oldText: '/ws/x' }], locations: [{ path: 'file:///ws/c.md' }], rawInput: { cwd: '/ws', other: '/wsx/no' } };
    expect(relativizePaths(update, '/ws')).toEqual({ content: [{ path: 'a/b.txt', oldText: 'x' }], locations: [{ path: 'c.md' }], rawInput: { cwd: '.', other: '/wsx/no' } });
  });
});

describe('PermissionBroker', () => {
  it('selects the reject option when the timeout passes', async () => {
    const broker = new PermissionBroker();
    expect(await broker.wait('r1', OPTIONS, 10)).toEqual({ state: 'timed-out', optionId: 'no', decidedBy: 'timeout' });
    expect(broker.has('r1')).toBe(false);
  });

  it('accepts only offered options, and cancels what is pending', async () => {
    const broker = new PermissionBroker();
    const decision = broker.wait('r2', OPTIONS, 60_000);
    expect(broker.respond('r2', 'maybe', 'alice')).toBe(false);
    expect(broker.respond('r2', 'yes', 'alice')).toBe(true);
    expect(await decision).toEqual({ state: 'selected', optionId: 'yes', decidedBy: 'alice' });
    const other = broker.wait('r3', OPTIONS, 60_000);
    broker.cancelAll('interrupt');
    expect(await other).toEqual({ state: 'cancelled', decidedBy: 'interrupt' });
    expect(rejectOptionOf([{ optionId: 'a', name: 'A', kind: 'reject_always' }])?.optionId).toBe('a');
  });
});

describe('preparePrompt', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'codex-chat-prompt-'));
  writeFileSync(path.join(root, 'notes.md'), 'x');

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
