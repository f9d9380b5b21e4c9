import { describe, expect, it } from 'vitest';
import { applyComposerPick, filterCommands, findComposerTrigger } from './composer-trigger.js';

describe('findComposerTrigger', () => {
  it('finds a slash command only at the start of the message', () => {
    expect(findComposerTrigger('/rev', 4)).toEqual({ kind: 'command', query: 'rev', start: 0, end: 4 });
    expect(findComposerTrigger('please /rev', 11)).toBeNull();
    expect(findComposerTrigger('/review now', 11)).toBeNull();
  });

  it('finds an @ mention being typed at the caret, not an e-mail address', () => {
    expect(findComposerTrigger('look at @src/ma', 15)).toEqual({ kind: 'mention', query: 'src/ma', start: 8, end: 15 });
    expect(findComposerTrigger('mail me at a@b.c', 16)).toBeNull();
    expect(findComposerTrigger('@', 1)).toEqual({ kind: 'mention', query: '', start: 0, end: 1 });
  });
});

describe('applyComposerPick', () => {
  it('replaces the typed mention with the picked path and puts the caret after it', () => {
    const text = 'look at @src/ma and more';
    const trigger = findComposerTrigger(text, 15);
    expect(trigger).not.toBeNull();
    expect(applyComposerPick(text, trigger!, 'src/main.ts')).toEqual({ text: 'look at @src/main.ts  and more', caret: 21 });
  });

  it('inserts a picked command with a trailing space', () => {
    expect(applyComposerPick('/re', findComposerTrigger('/re', 3)!, 'review')).toEqual({ text: '/review ', caret: 8 });
  });
});

describe('filterCommands', () => {
  it('lists prefix matches before other matches', () => {
    const commands = [{ name: 'review-branch' }, { name: 'plan' }, { name: 'review' }, { name: 'preview' }];
    expect(filterCommands(commands, 'rev').map((command) => command.name)).toEqual(['review-branch', 'review', 'preview']);
  });
});
