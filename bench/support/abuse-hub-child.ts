// The hub of bench/abuse.bench.ts, in its own process so its RSS is its own: started with
// --expose-gc, it reports its memory (after a full GC when asked) over the IPC channel.
import { startTestHub } from '../../src/hub/hub-test-helpers.js';

type Ask = { kind: 'memory'; gc: boolean } | { kind: 'stop' };

const hub = await startTestHub();
const send = (message: unknown) => process.send?.(message);

process.on('message', (message: Ask) => {
  if (message.kind === 'stop') {
    void hub.dispose().then(() => process.exit(0));
    return;
  }
  if (message.gc) (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  send({ kind: 'memory', rss: usage.rss, heapUsed: usage.heapUsed, external: usage.external + usage.arrayBuffers });
});
send({ kind: 'ready', port: hub.port, token: hub.token });
