// Hub latency on a real hub and a real WebSocket client (same process, loopback): time from
// `turnLogs.append` to the `turn.event` callback, and a `chat.set` round trip.
import { performance } from 'node:perf_hooks';
import { connectClient, startTestHub } from '../src/hub/hub-test-helpers.js';
import { percentile } from './support/statistics.js';

const SAMPLES = 500;

function line(name: string, samples: number[]): string {
  return `${name}: median ${percentile(samples, 0.5).toFixed(2)} ms, p99 ${percentile(samples, 0.99).toFixed(2)} ms (${samples.length} samples)`;
}

export default async function hubBench(): Promise<void> {
  const hub = await startTestHub();
  const client = connectClient(hub);
  try {
    hub.turnLogs.create('bench-turn', { path: 'bench.chat', threadKey: '1', createdAt: new Date().toISOString() });
    const sentAt: number[] = [];
    const latencies: number[] = [];
    let resolveNext: (() => void) | undefined;
    client.subscribeTurn('bench-turn', 0, (event) => {
      latencies.push(performance.now() - sentAt[event.seq]);
      resolveNext?.();
    });
    await client.call('settings.get', {}); // connected and subscribed
    for (let index = 0; index < SAMPLES + 20; index += 1) {
      const delivered = new Promise<void>((resolve) => (resolveNext = resolve));
      sentAt[index] = performance.now();
      hub.turnLogs.append('bench-turn', {
        t: Date.now(),
        type: 'update',
        update: { sessionUpdate: 'agent_message_chunk', messageId: 'm1', content: { type: 'text', text: `chunk ${index} ` } },
      } as never);
      await delivered;
    }
    console.log(line('turn event append -> client delivery', latencies.slice(20)));

    await hub.documents.create('bench.chat');
    await client.call('chat.open', { path: 'bench.chat' });
    const roundTrips: number[] = [];
    for (let index = 0; index < SAMPLES + 20; index += 1) {
      const row = { event: 'chat', date: new Date(Date.UTC(2025, 0, 1) + index).toISOString(), sender_id: 'bench', history: [{ author_id: 'bench', content: `m${index}`, date: '2025-01-01T00:00:00.000Z' }] };
      const start = performance.now();
      await client.call('chat.set', { path: 'bench.chat', rows: [row] });
      roundTrips.push(performance.now() - start);
    }
    console.log(line('chat.set round trip', roundTrips.slice(20)));
  } finally {
    client.close();
    await hub.dispose();
  }
}
