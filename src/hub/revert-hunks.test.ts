import { readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTurnView, FILE_CHANGED, fileDiff, reduceTurnEvents } from '../activity/index.js';
import { ACP_API_ERROR_CODES } from '../protocol/index.js';
import { CHAT_PATH, createThread, sendText, updatesOf, watchTurn } from './turns/testing/turn-test-helpers.js';
import { useTurnHubs } from './turns/testing/use-turn-hubs.js';

const FILE = 'demo-review.md';
const SEED = `# Demo review\n${Array.from({ length: 11 }, (_, index) => `line ${index + 1}`).join('\n')}\n`;

describe('files.reviewHunks on the real hub with the demo agent (edit2: two hunks)', () => {
  const hub = useTurnHubs();

  /** A demo turn that changed demo-review.md in two places; returns what a review call needs. */
  async function editedTwice() {
    const started = await hub();
    writeFileSync(path.join(started.dirs.root, FILE), SEED);
    const threadKey = await createThread(started.client, { agent: 'demo' });
    const { turnId } = await sendText(started.client, threadKey, 'edit2 please');
    const turn = watchTurn(started.client, turnId);
    const pending = await turn.waitFor('the permission request', (events) => events.find((event) => event.type === 'permission'));
    if (pending?.type !== 'permission') throw new Error('unreachable');
    await started.client.call('permission.respond', { turnId, requestId: pending.requestId, optionId: 'allow_once' });
    expect(await turn.done()).toBe('completed');
    const edit = updatesOf(turn.events, 'tool_call').find((update) => update.kind === 'edit') as { toolCallId: string; content: Array<{ oldText: string; newText: string }> };
    const agentText = edit.content[0].newText;
    expect(fileDiff(edit.content[0].oldText, agentText).hunks).toHaveLength(2);
    const disk = () => readFileSync(path.join(started.dirs.root, FILE), 'utf8');
    const review = (hunks: number[], decision: 'keep' | 'discard', file = FILE) =>
      started.client.call('files.reviewHunks', { path: CHAT_PATH, threadKey, turnId, itemId: edit.toolCallId, file, hunks, decision });
    return { ...started, turn, disk, review, agentText, itemId: edit.toolCallId };
  }

  it('discarding one hunk leaves the file with only the kept hunk, and the turn records both decisions', async () => {
    const { disk, review, turn, agentText, itemId } = await editedTwice();
    expect(disk()).toBe(agentText);
    expect(await review([0], 'discard')).toEqual({ ok: true });
    expect(disk()).not.toContain('(changed at the top)');
    expect(disk()).toContain('line 11 (changed at the bottom)');
    expect(disk()).toBe(SEED.replace('line 11\n', 'line 11 (changed at the bottom)\n'));
    expect(await review([1], 'keep')).toEqual({ ok: true });
    const reviews = await turn.waitFor('both review events', (events) => (events.filter((event) => event.type === 'review').length === 2 ? events : undefined));
    const item = reduceTurnEvents(createTurnView(), reviews).items[itemId];
    expect(item?.kind === 'diff' && item.reviews?.[FILE]).toMatchObject({ 0: { decision: 'discard', decidedBy: expect.any(String) }, 1: { decision: 'keep' } });
    // Discarding the other hunk later (after the first discard moved nothing) brings the seed back.
    expect(await review([1], 'discard')).toEqual({ ok: true });
    expect(disk()).toBe(SEED);
  });

  it('refuses to discard a hunk whose text the user changed, with the current text, and writes nothing', async () => {
    const { dirs, disk, review } = await editedTwice();
    const userText = disk().replace('line 11 (changed at the bottom)', 'line 11, my own words');
    writeFileSync(path.join(dirs.root, FILE), userText);
    const refused = await review([1], 'discard');
    expect(refused).toEqual({ ok: false, conflict: expect.stringContaining(FILE_CHANGED), currentText: userText });
    expect(disk()).toBe(userText);
    // The other hunk is still the agent's text: it can go, and the user's line stays.
    expect(await review([0], 'discard')).toEqual({ ok: true });
    expect(disk()).toBe(SEED.replace('line 11\n', 'line 11, my own words\n'));
  });

  it('refuses a path outside the workspace and a file that became a symlink pointing outside', async () => {
    const { dirs, review, agentText } = await editedTwice();
    await expect(review([0], 'discard', '../demo-review.md')).rejects.toMatchObject({ code: ACP_API_ERROR_CODES.pathOutsideWorkspace });
    const outside = await mkdtemp(path.join(tmpdir(), 'review-outside-'));
    try {
      const target = path.join(outside, FILE);
      writeFileSync(target, agentText);
      unlinkSync(path.join(dirs.root, FILE));
      symlinkSync(target, path.join(dirs.root, FILE));
      await expect(review([0], 'discard')).rejects.toMatchObject({ code: ACP_API_ERROR_CODES.pathOutsideWorkspace, message: expect.stringContaining('outside the workspace') });
      expect(readFileSync(target, 'utf8')).toBe(agentText);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('refuses an unknown edit or hunk clearly', async () => {
    const { review, client } = await editedTwice();
    await expect(client.call('files.reviewHunks', { path: CHAT_PATH, threadKey: '1', turnId: 'nope', itemId: 'x', file: FILE, hunks: [0], decision: 'keep' })).rejects.toMatchObject({ code: ACP_API_ERROR_CODES.notFound });
    expect(await review([7], 'discard')).toMatchObject({ ok: false, conflict: 'the edit has no hunk 7 (it has 2)' });
  });
});
