import { selectItems } from '../selectors.js';
import { replayFixture, visibleItems } from './replay-helpers.js';

describe('replay reload.jsonl', () => {
  const live = replayFixture('reload');
  const load = replayFixture('reload-load');

  it('gives the same messages, terminal and read output after session/load as in the live turn', () => {
    const loaded = visibleItems(load);
    // session/load also replays the user's prompt, which the live turn has as its prompt event.
    expect(loaded[0]).toEqual({ kind: 'message', role: 'user', text: 'scenario:multi-message' });
    expect(loaded.slice(1)).toEqual(visibleItems(live));
    expect(visibleItems(live).map((item) => item.kind)).toEqual(['message', 'terminal', 'message', 'terminal', 'message']);
  });

  it('keeps the same tool call ids and the latest usage', () => {
    const ids = (view: typeof live) => selectItems(view).flatMap((item) => ('toolCallId' in item ? [item.toolCallId] : []));
    expect(ids(load)).toEqual(ids(live));
    expect(load.usage).toEqual(live.usage);
  });
});
