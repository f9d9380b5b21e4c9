import { canInterrupt, isTurnActive } from '../predicates.js';
import { replayFixture, replayUntil } from './replay-helpers.js';

describe('replay slow-cancel.jsonl', () => {
  it('is active but no longer interruptible while stopping', () => {
    const view = replayUntil('slow-cancel', (event) => event.type === 'status' && event.state === 'stopping');
    expect(isTurnActive(view)).toBe(true);
    expect(canInterrupt(view)).toBe(false);
    expect(view.items.call_3).toMatchObject({ status: 'in-progress' });
  });

  it('ends with the sleep tool call closed as cancelled', () => {
    const view = replayFixture('slow-cancel');
    expect(view.items.call_3).toMatchObject({ kind: 'terminal', command: 'sleep 60 && echo finished', status: 'cancelled', exitCode: null });
    expect(view).toMatchObject({ state: 'cancelled', stopReason: 'cancelled' });
    expect(isTurnActive(view)).toBe(false);
  });
});
