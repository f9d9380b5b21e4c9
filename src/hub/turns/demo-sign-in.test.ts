// URL elicitation end to end on the real hub: the demo agent, started signed out, answers
// session/new with auth_required; the hub runs its device-code sign-in, whose page and code reach
// the tabs of the account that started the turn; their answer decides whether the turn goes on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AcpApi } from '../../acp-api/index.js';
import type { ElicitationRequest } from '../../protocol/index.js';
import { DEMO_REQUIRE_SIGN_IN_ENV } from '../../agents/demo/device-code-sign-in.js';
import { connectClient } from '../hub-test-helpers.js';
import { createThread, rowText, agentRows, sendText, waitFor, watchTurn } from './testing/turn-test-helpers.js';
import { useTurnHubs } from './testing/use-turn-hubs.js';

/** Every elicitation.request and elicitation.done a client (a tab) gets. */
function elicitationsOf(client: AcpApi) {
  const requests: ElicitationRequest[] = [];
  const done: string[] = [];
  client.on('elicitation.request', (request) => requests.push(request));
  client.on('elicitation.done', ({ elicitationId }) => done.push(elicitationId));
  return { requests, done };
}

describe('signing in with an account through URL elicitation (demo device code)', () => {
  const hub = useTurnHubs();
  // The hub's agents inherit its environment: every demo process starts signed out.
  beforeAll(() => {
    process.env[DEMO_REQUIRE_SIGN_IN_ENV] = '1';
  });
  afterAll(() => {
    delete process.env[DEMO_REQUIRE_SIGN_IN_ENV];
  });

  it('shows the page and code to the account, and the turn goes on once a tab accepts; the other tab lets go of it', async () => {
    const { client, hub: started } = await hub();
    const otherTab = connectClient(started);
    try {
      const first = elicitationsOf(client);
      const second = elicitationsOf(otherTab);
      await otherTab.call('agents.list', {}); // connected before the turn starts
      const threadKey = await createThread(client, { agent: 'demo' });
      const { turnId } = await sendText(client, threadKey, 'hello after signing in');
      const turn = watchTurn(client, turnId);
      const request = await waitFor('the elicitation in the first tab', () => first.requests[0]);
      await waitFor('the elicitation in the second tab', () => second.requests[0]);
      expect(request).toMatchObject({ turnId, agent: 'demo', url: expect.stringMatching(/^https:\/\/sign-in\.demo\.invalid\/device/), code: expect.stringMatching(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/) });
      expect(request.message).toContain(request.code);
      expect(second.requests[0].elicitationId).toBe(request.elicitationId);

      await otherTab.call('elicitation.respond', { elicitationId: request.elicitationId, action: 'accept' });
      // The tab that did not answer lets go at once; the answering one when the sign-in completes.
      await waitFor('the first tab to let go', () => first.done.includes(request.elicitationId));
      expect(await turn.done()).toBe('completed');
      expect(second.done).toContain(request.elicitationId);
      const notices = turn.events.flatMap((event) => (event.type === 'notice' ? [event.message] : []));
      expect(notices).toEqual(expect.arrayContaining(['Demo needs sign-in (Demo account (device code)): the page to open and the code to enter are shown to whoever sent this message.', 'Signed in to Demo.']));
      const [row] = await agentRows(client, threadKey);
      expect(rowText(row)).not.toBe('');
      // Answered once: a second answer finds nothing.
      await expect(client.call('elicitation.respond', { elicitationId: request.elicitationId, action: 'cancel' })).rejects.toThrow(/no pending elicitation/);
    } finally {
      otherTab.close();
    }
  });

  it('cancel ends the turn with a clear message, and the page lets go of it', async () => {
    const { client } = await hub();
    const tab = elicitationsOf(client);
    const threadKey = await createThread(client, { agent: 'demo' });
    const { turnId } = await sendText(client, threadKey, 'this one is cancelled');
    const turn = watchTurn(client, turnId);
    const request = await waitFor('the elicitation', () => tab.requests[0]);
    await client.call('elicitation.respond', { elicitationId: request.elicitationId, action: 'cancel' });
    expect(await turn.done()).toBe('failed');
    const error = turn.events.find((event) => event.type === 'error');
    expect(error?.type === 'error' && error.message).toMatch(/^Sign-in to Demo was cancelled, so the message was not sent to the agent\./);
    expect(tab.done).toContain(request.elicitationId);
  });

  it('interrupting the turn while it waits withdraws the elicitation', async () => {
    const { client } = await hub();
    const tab = elicitationsOf(client);
    const threadKey = await createThread(client, { agent: 'demo' });
    const { turnId } = await sendText(client, threadKey, 'interrupted while signing in');
    const turn = watchTurn(client, turnId);
    const request = await waitFor('the elicitation', () => tab.requests[0]);
    await client.call('turn.interrupt', { turnId });
    expect(await turn.done()).toBe('cancelled');
    await waitFor('the elicitation to be withdrawn', () => tab.done.includes(request.elicitationId));
  });

  it('refuses bad answers: an unknown id, an unknown action', async () => {
    const { client } = await hub();
    await expect(client.call('elicitation.respond', { elicitationId: 'elicitation-nope', action: 'accept' })).rejects.toThrow(/no pending elicitation elicitation-nope/);
    await expect(client.call('elicitation.respond', { elicitationId: 'x', action: 'open' as never })).rejects.toThrow(/invalid params/);
  });
});
