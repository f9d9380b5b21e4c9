// Demo-agent turns over a project-scoped API client, as the multiuser tests drive them: a thread
// row (chat.set), turn.send with a prompt whose keyword picks the demo behaviour, and the turn's
// events from turn.subscribe until its final status.
import type { AcpApi } from '../../acp-api/index.js';
import type { Row, TurnEvent } from '../../protocol/index.js';

export const FINAL_STATES = new Set(['completed', 'cancelled', 'failed', 'interrupted']);
let lastThreadMs = Date.UTC(2026, 0, 1);

/** A new demo-agent thread in `chat` (which must exist and be open or openable); its thread key. */
export async function startThread(api: AcpApi, chat: string): Promise<string> {
  const ms = (lastThreadMs += 60_000);
  const date = new Date(ms).toISOString();
  const row: Row = { event: 'chat', date, sender_id: 'tester', history: [{ author_id: 'tester', content: 'agent thread', date }], acp_config: { agent: 'demo' } };
  await api.call('chat.set', { path: chat, rows: [row] });
  return String(ms);
}

/** turn.send of a text prompt; the turn id and its queue position (0: runs now). */
export async function sendText(api: AcpApi, chat: string, threadKey: string, text: string): Promise<{ turnId: string; position: number }> {
  return api.call('turn.send', { path: chat, threadKey, prompt: [{ type: 'text', text }], userDate: new Date().toISOString() });
}

export function finalState(events: TurnEvent[]): string | undefined {
  const status = events.findLast((event) => event.type === 'status' && FINAL_STATES.has(event.state));
  return status?.type === 'status' ? status.state : undefined;
}

/** The text of the agent's message chunks, in order. */
export function agentText(events: TurnEvent[]): string {
  return events
    .map((event) => {
      const update = event.type === 'update' ? (event.update as { sessionUpdate?: string; content?: { text?: string } }) : undefined;
      return update?.sessionUpdate === 'agent_message_chunk' ? (update.content?.text ?? '') : '';
    })
    .join('');
}

/** A turn subscription from `fromSeq`: the events so far, and `stop()`. */
export function watchTurn(api: AcpApi, turnId: string, fromSeq = 0): { events: TurnEvent[]; stop: () => void } {
  const events: TurnEvent[] = [];
  const stop = api.subscribeTurn(turnId, fromSeq, (event) => events.push(event));
  return { events, stop };
}
