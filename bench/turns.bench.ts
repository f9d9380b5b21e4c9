// Turns through the hub with the demo agent: latency from an agent's update (stamped by the agent)
// to the turn log (in the hub) and to a subscribed WebSocket client; and turns per second.
import { createThread, sendText, startTurnHub, watchTurn } from '../src/hub/turns/testing/turn-test-helpers.js';
import { percentile } from './support/statistics.js';

const now = () => performance.timeOrigin + performance.now();

function sentAtOf(event: { type: string; update?: unknown }): number | undefined {
  const meta = (event.update as { _meta?: { sentAt?: number } } | undefined)?._meta;
  return event.type === 'update' ? meta?.sentAt : undefined;
}

export default async function benchTurns(): Promise<void> {
  const setup = await startTurnHub();
  try {
    const threadKey = await createThread(setup.client, { agent: 'demo' });
    // Warm up: start the agent process and its session.
    await watchTurn(setup.client, (await sendText(setup.client, threadKey, 'quick warm up')).turnId).done();

    const toLog: number[] = [];
    const toClient: number[] = [];
    for (let round = 0; round < 3; round += 1) {
      const { turnId } = await sendText(setup.client, threadKey, 'burst');
      const stopLog = setup.hub.turnLogs.subscribe(turnId, 0, (event) => {
        const sentAt = sentAtOf(event);
        if (sentAt !== undefined) toLog.push(now() - sentAt);
      });
      const stopClient = setup.client.subscribeTurn(turnId, 0, (event) => {
        const sentAt = sentAtOf(event);
        if (sentAt !== undefined) toClient.push(now() - sentAt);
      });
      await watchTurn(setup.client, turnId).done();
      stopLog();
      stopClient();
    }
    const format = (values: number[]) => `median ${percentile(values, 0.5).toFixed(2)} ms, p99 ${percentile(values, 0.99).toFixed(2)} ms (n=${values.length})`;
    console.log(`turns: agent update -> turn log: ${format(toLog)}`);
    console.log(`turns: agent update -> subscribed client: ${format(toClient)}`);

    const count = 50;
    const started = now();
    const sent = [];
    for (let index = 0; index < count; index += 1) sent.push(await sendText(setup.client, threadKey, `quick ${index}`));
    for (const { turnId } of sent) await watchTurn(setup.client, turnId).done();
    const seconds = (now() - started) / 1000;
    console.log(`turns: ${count} queued quick turns through the demo agent: ${(count / seconds).toFixed(1)} turns/s (${seconds.toFixed(2)} s)`);
  } finally {
    await setup.close();
  }
}
