import { describe, expect, it } from 'vitest';
import { ElicitationBroker, type NotifyAccount } from './elicitation-broker.js';

type Sent = { accountId: string; name: string; params: unknown; exceptClientId?: string };

function brokerWithLog(timeoutMs?: number) {
  const sent: Sent[] = [];
  const notify: NotifyAccount = (accountId, name, params, options) => void sent.push({ accountId, name, params, exceptClientId: options?.exceptClientId });
  return { broker: new ElicitationBroker(notify, timeoutMs), sent };
}

const ASK = { turnId: 'turn-1', agent: 'codex', message: 'Sign in and enter this code: ABCD-1234', url: 'https://example.com/device', code: 'ABCD-1234' };

describe('ElicitationBroker', () => {
  it('sends the request only to the account that started the turn; only that account may answer', async () => {
    const { broker, sent } = brokerWithLog();
    const ann = broker.ask({ ...ASK, accountId: 'ann' });
    expect(sent).toEqual([{ accountId: 'ann', name: 'elicitation.request', params: { ...ASK, elicitationId: ann.elicitationId }, exceptClientId: undefined }]);
    // Bo cannot answer Ann's elicitation (same "not found" as an unknown id).
    expect(broker.respond(ann.elicitationId, 'accept', { accountId: 'bo', clientId: 'bo-tab' })).toBe(false);
    expect(broker.respond('elicitation-unknown', 'accept', { accountId: 'ann', clientId: 'ann-tab' })).toBe(false);
    expect(broker.respond(ann.elicitationId, 'decline', { accountId: 'ann', clientId: 'ann-tab' })).toBe(true);
    expect(await ann.answer).toBe('decline');
    expect(sent.slice(1)).toEqual([{ accountId: 'ann', name: 'elicitation.done', params: { elicitationId: ann.elicitationId }, exceptClientId: undefined }]);
    expect(sent.every((entry) => entry.accountId === 'ann')).toBe(true);
  });

  it('accept withdraws it from the other tabs at once and from the answering tab when it is finished', async () => {
    const { broker, sent } = brokerWithLog();
    const asked = broker.ask({ ...ASK, accountId: 'ann' });
    expect(broker.respond(asked.elicitationId, 'accept', { accountId: 'ann', clientId: 'tab-2' })).toBe(true);
    expect(await asked.answer).toBe('accept');
    expect(sent[1]).toEqual({ accountId: 'ann', name: 'elicitation.done', params: { elicitationId: asked.elicitationId }, exceptClientId: 'tab-2' });
    broker.finish(asked.elicitationId);
    expect(sent[2]).toEqual({ accountId: 'ann', name: 'elicitation.done', params: { elicitationId: asked.elicitationId }, exceptClientId: undefined });
    expect(broker.respond(asked.elicitationId, 'cancel', { accountId: 'ann', clientId: 'tab-2' })).toBe(false);
  });

  it('cancel after accept stops the sign-in the agent is waiting for', async () => {
    const { broker } = brokerWithLog();
    let stopped = 0;
    const asked = broker.ask({ ...ASK, accountId: 'ann', onCancelAfterAccept: () => void (stopped += 1) });
    broker.respond(asked.elicitationId, 'accept', { accountId: 'ann', clientId: 'tab' });
    expect(stopped).toBe(0);
    broker.respond(asked.elicitationId, 'cancel', { accountId: 'ann', clientId: 'tab' });
    expect(stopped).toBe(1);
  });

  it('the agent withdrawing its request, the turn ending and the timeout each end it as cancel', async () => {
    const { broker, sent } = brokerWithLog(30);
    const withdrawn = new AbortController();
    const byAgent = broker.ask({ ...ASK, accountId: 'ann', signal: withdrawn.signal });
    const byTurnEnd = broker.ask({ ...ASK, accountId: 'bo', turnId: 'turn-2' });
    const byTimeout = broker.ask({ ...ASK, accountId: 'cy', turnId: 'turn-3' });
    withdrawn.abort();
    broker.finishTurn('turn-2');
    expect(await Promise.all([byAgent.answer, byTurnEnd.answer, byTimeout.answer])).toEqual(['cancel', 'cancel', 'cancel']);
    const done = sent.filter((entry) => entry.name === 'elicitation.done').map((entry) => entry.accountId);
    expect(done.sort()).toEqual(['ann', 'bo', 'cy']);
  });
});
