import { createEventLog } from '../../fixtures/build.js';
import { filterItemsByCategory } from './categories.js';
import { createTurnView } from './create-turn-view.js';
import { canInterrupt, isTurnActive, isTurnEnded } from './predicates.js';
import { reduceTurnEvents } from './reduce-turn-events.js';
import { selectItems } from './selectors.js';

describe('categories and predicates', () => {
  const log = createEventLog();
  log.status('running');
  log.reasoning('hmm');
  log.toolCall('ok', { kind: 'execute' });
  log.terminalExit('ok', 0);
  log.toolCall('bad', { kind: 'execute' });
  log.terminalExit('bad', 1);
  log.toolCall('e', { kind: 'edit', content: [{ type: 'diff', path: 'a', oldText: null, newText: 'x' }] });
  log.notice('error', 'boom');
  const view = reduceTurnEvents(createTurnView(), log.events);

  it('filters items by reasoning, commands, edits and errors', () => {
    const ids = (categories: Parameters<typeof filterItemsByCategory>[1]) => filterItemsByCategory(selectItems(view), categories).map((item) => item.id);
    expect(ids(['reasoning'])).toEqual(['reasoning:thought-1']);
    expect(ids(['commands'])).toEqual(['ok', 'bad']);
    expect(ids(['edits'])).toEqual(['e']);
    expect(ids(['errors'])).toEqual(['bad', 'notice:7']);
    expect(ids(['edits', 'errors'])).toEqual(['bad', 'e', 'notice:7']);
    expect(ids([])).toHaveLength(5);
  });

  it('says whether the turn is active, interruptible or ended', () => {
    expect([isTurnActive(view), canInterrupt(view), isTurnEnded(view)]).toEqual([true, true, false]);
    const queued = reduceTurnEvents(createTurnView(), [{ seq: 0, t: 0, type: 'status', state: 'queued' }]);
    expect([isTurnActive(queued), canInterrupt(queued)]).toEqual([true, false]);
    const ended = reduceTurnEvents(view, [{ seq: 99, t: 1, type: 'status', state: 'completed' }]);
    expect([isTurnActive(ended), canInterrupt(ended), isTurnEnded(ended)]).toEqual([false, false, true]);
    expect([isTurnActive(createTurnView()), canInterrupt(createTurnView())]).toEqual([false, false]);
    const interrupted = reduceTurnEvents(view, [{ seq: 99, t: 1, type: 'status', state: 'interrupted' }]);
    expect([isTurnActive(interrupted), canInterrupt(interrupted), isTurnEnded(interrupted)]).toEqual([false, false, true]);
  });
});
