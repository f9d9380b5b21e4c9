import { createEventLog } from '../../../fixtures/build.js';
import { createTurnView } from '../create-turn-view.js';
import { reduceTurnEvents } from '../reduce-turn-events.js';
import { selectItems } from '../selectors.js';

describe('message and reasoning chunks', () => {
  it('merges chunks by messageId and opens a new item for a new id', () => {
    const log = createEventLog();
    log.reasoning('Thinking ', 't1');
    log.reasoning('hard.', 't1');
    log.agentMessage('Hello ', 'm1');
    log.agentMessage('world.', 'm1');
    log.agentMessage('Second.', 'm2');
    log.agentMessage(' (more to m1)', 'm1');
    const view = reduceTurnEvents(createTurnView(), log.events);
    expect(selectItems(view).map((item) => [item.kind, 'text' in item ? item.text : null])).toEqual([
      ['reasoning', 'Thinking hard.'],
      ['message', 'Hello world. (more to m1)'],
      ['message', 'Second.'],
    ]);
  });

  it('without messageIds appends to the open item of the same sort only', () => {
    const log = createEventLog();
    log.agentMessage('a', null);
    log.agentMessage('b', null);
    log.reasoning('r', null);
    log.agentMessage('c', null);
    const view = reduceTurnEvents(createTurnView(), log.events);
    expect(selectItems(view).map((item) => ('text' in item ? item.text : null))).toEqual(['ab', 'r', 'c']);
  });

  it('keeps user messages of a session/load replay apart from agent messages with the same id', () => {
    const log = createEventLog();
    log.update({ sessionUpdate: 'user_message_chunk', messageId: 'x', content: { type: 'text', text: 'question' } });
    log.agentMessage('answer', 'x');
    const view = reduceTurnEvents(createTurnView(), log.events);
    expect(selectItems(view).map((item) => item.kind === 'message' && [item.role, item.text])).toEqual([
      ['user', 'question'],
      ['agent', 'answer'],
    ]);
  });
});
