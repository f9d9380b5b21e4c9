// The hub's memory under abuse (issue 9.5): a hub in a child process takes 10,000 malformed frames,
// then 1,000 connect/disconnect cycles, then 10,000 more frames. Its RSS and heap are printed before,
// after each round, and after a full GC; what a leak looks like is the second round growing like the first.
import { fork, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

const FRAMES = 10_000;
const CYCLES = 1_000;
const BATCH = 200;

type Memory = { rss: number; heapUsed: number; external: number };
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function startChild(): Promise<{ child: ChildProcess; port: number; token: string }> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'support', 'abuse-hub-child.ts');
  const child = fork(script, { execArgv: ['--expose-gc', '--import', 'tsx'], stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the hub child exited (${code})`)));
    child.once('message', (message: { port: number; token: string }) => resolve({ child, ...message }));
  });
}

function memoryOf(child: ChildProcess, gc: boolean): Promise<Memory> {
  return new Promise((resolve) => {
    child.once('message', (message: Memory) => resolve(message));
    child.send({ kind: 'memory', gc });
  });
}

/** Malformed frame number `index`: every kind the outside test sent, with an id so each is answered. */
const OVERSIZED = `{"jsonrpc":"2.0","id":-1,"method":"chat.set","params":{"path":"x.chat","rows":[{"x":"${'o'.repeat(16 * 1024 * 1024 + 512 * 1024)}"}]}}`;
const DEEP = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;

function malformedFrame(index: number): string | Buffer {
  // Rare and heavy: a frame past the 16 MB limit, and one nested 100,000 levels.
  if (index % 2_000 === 1_999) return OVERSIZED.replace('"id":-1', `"id":${index}`);
  if (index % 100 === 99) return `{"jsonrpc":"2.0","id":${index},"method":"chat.set","params":{"path":"x.chat","rows":[${DEEP}]}}`;
  switch (index % 10) {
    case 0: return `{"jsonrpc":"2.0","id":${index},"method":"chat.set","params":{"path":"x.chat","rows":[${'{"a":'.repeat(2_000)}1${'}'.repeat(2_000)}]}}`;
    case 1: return `{"jsonrpc":"2.0","id":${index},"method":"no.such.method${index}","params":{}}`;
    case 2: return `{"jsonrpc":"2.0","id":${index},"method":"chat.open","params":{"path":"${'p'.repeat(5_000)}${index}.chat"}}`;
    case 3: return `{"jsonrpc":"2.0","id":${index},"method":"chat.set","params":{"path":"x.chat","rows":[{"event":""},{"bad":${index}}]}}`;
    case 4: return `{"jsonrpc":"2.0","id":${index},"method":"chat.open","params":"${'s'.repeat(1_000)}"}`;
    case 5: return `{"jsonrpc":"2.0","id":${index},"method":"files.list","params":{"query":${index}}}`;
    case 6: return `{"jsonrpc":"2.0","id":${index},"method":"chat.open","params":{"path":"../../etc/${index}.chat"}}`;
    case 7: return `{"jsonrpc":"2.0","id":${index},"method":"chat.set","params":{"path":"x.chat","rows":[{"x":"${'j'.repeat(index % 500 === 7 ? 1_000_000 : 10_000)}"}]}}`;
    case 8: return `{"jsonrpc":"2.0","id":${index},"method":"settings.set","params":{"settings":{"nope${index}":[${'['.repeat(1_000)}${']'.repeat(1_000)}]}}}`;
    default: return `{"jsonrpc":"2.0","id":${index},"method":"chat.list","params":{"extra":"${'e'.repeat(2_000)}"}}`;
  }
}

function open(port: number, token: string): Promise<WebSocket> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/api/ws?token=${token}`);
  return new Promise((resolve, reject) => socket.once('open', () => resolve(socket)).once('error', reject));
}

/** Sends FRAMES malformed frames over one socket, BATCH at a time, each batch fully answered before the next. */
async function sendMalformed(port: number, token: string, offset: number): Promise<void> {
  const socket = await open(port, token);
  let answered = 0;
  let wake: (() => void) | undefined;
  socket.on('message', (data) => {
    if ((data as Buffer).includes('"id"')) answered += 1;
    wake?.();
  });
  for (let start = 0; start < FRAMES; start += BATCH) {
    for (let index = start; index < start + BATCH; index += 1) socket.send(malformedFrame(offset + index));
    while (answered < start + BATCH) await new Promise<void>((resolve) => (wake = resolve));
  }
  socket.close();
}

/** A client frame with a zero mask key (the payload goes as is), as RFC 6455 requires clients to mask. */
function maskedTextFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  const head = payload.length < 126 ? Buffer.from([0x81, 0x80 | payload.length]) : payload.length < 65_536 ? Buffer.from([0x81, 0x80 | 126, payload.length >> 8, payload.length & 255]) : undefined;
  if (!head) throw new Error('frame too long for this bench');
  return Buffer.concat([head, Buffer.alloc(4), payload]);
}

/**
 * A client that sends frames and never reads: every answer piles up in the hub's send buffer. Answers
 * that echo their request (a 30 KB method name) would hold ~30 KB each; bounded ones ~300 bytes.
 */
async function sendWithoutReading(port: number, token: string): Promise<void> {
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve) => {
    socket.once('data', () => {
      socket.pause(); // from here on nothing is read
      resolve();
    });
    socket.write(`GET /api/ws?token=${token} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`);
  });
  const method = 'm'.repeat(30_000);
  for (let index = 0; index < FRAMES / 5; index += 1) {
    if (!socket.write(maskedTextFrame(`{"jsonrpc":"2.0","id":${index},"method":"${method}${index}"}`))) await new Promise((resolve) => socket.once('drain', resolve));
  }
  await new Promise((resolve) => setTimeout(resolve, 500)); // the hub answers what it has read
}

async function connectCycles(port: number, token: string): Promise<void> {
  for (let cycle = 0; cycle < CYCLES; cycle += 1) {
    const socket = await open(port, token);
    if (cycle % 2 === 0) socket.terminate();
    else await new Promise((resolve) => socket.once('close', resolve).close());
  }
}

export default async function abuseBench(): Promise<void> {
  const { child, port, token } = await startChild();
  try {
    const report = async (label: string) => {
      const before = await memoryOf(child, false);
      const after = await memoryOf(child, true);
      console.log(`${label}: rss ${mb(before.rss)} (after GC ${mb(after.rss)}), heap ${mb(before.heapUsed)} (after GC ${mb(after.heapUsed)}), buffers after GC ${mb(after.external)}`);
      return after;
    };
    const start = await report('hub at start');
    await sendMalformed(port, token, 0);
    const first = await report(`after ${FRAMES} malformed frames`);
    await connectCycles(port, token);
    await report(`after ${CYCLES} connect/disconnect cycles`);
    await sendMalformed(port, token, FRAMES);
    const second = await report(`after ${FRAMES} more malformed frames`);
    await sendWithoutReading(port, token);
    await report(`with a client that sent ${FRAMES / 5} frames (30 KB method names) and reads nothing`);
    const growth = (to: Memory, from: Memory) => to.heapUsed - from.heapUsed;
    console.log(`heap kept after GC: first round ${mb(growth(first, start))}, second round ${mb(growth(second, first))}`);
  } finally {
    child.send({ kind: 'stop' });
  }
}
