// Test helpers: raw HTTP over TCP (for requests Node's own client refuses to send) and a raw
// WebSocket client that sends any frame and collects every answer.
import { connect } from 'node:net';
import WebSocket from 'ws';
import { hubSocketUrl, waitFor } from './hub-test-helpers.js';

/** What came back to a raw request: the status code (0: none before the socket ended) and the text. */
export type RawAnswer = { status: number; text: string };

/** Sends `request` byte for byte and reads until the hub closes, or `settleMs` of silence after a status line. */
export function rawRequest(port: number, request: string | Buffer, settleMs = 300): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    let timer: NodeJS.Timeout | undefined;
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text);
      resolve({ status: status ? Number(status[1]) : 0, text });
    };
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
      clearTimeout(timer);
      timer = setTimeout(done, settleMs);
    });
    socket.on('error', done);
    socket.on('close', done);
    // Without any answer, give up after a while (the test then fails on status 0).
    timer = setTimeout(done, 5_000);
    // A settle time of 0: vanish as soon as the request is out.
    socket.write(request, () => settleMs === 0 && done());
  });
}

/** A GET request with the hub's Host and any extra header lines. */
export function rawGet(port: number, target: string, headers: string[] = []): Promise<RawAnswer> {
  return rawRequest(port, [`GET ${target} HTTP/1.1`, `Host: 127.0.0.1:${port}`, ...headers, 'Connection: close', '', ''].join('\r\n'));
}

/** The header lines of a valid WebSocket upgrade (the key is the RFC 6455 example). */
export const UPGRADE_HEADERS = ['Upgrade: websocket', 'Connection: Upgrade', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version: 13'];

/** A WebSocket client sending raw frames; answers are kept (heartbeats too) in arrival order. */
export async function rawSocket(hub: { port: number; token: string }) {
  const socket = new WebSocket(hubSocketUrl(hub));
  const answers: Array<Record<string, unknown>> = [];
  let closed: { code: number } | undefined;
  socket.on('message', (data) => answers.push(JSON.parse(data.toString()) as Record<string, unknown>));
  socket.on('close', (code) => (closed = { code }));
  socket.on('error', () => undefined); // a refused frame may close the socket; `closed` says so
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  return {
    socket,
    answers,
    closed: () => closed,
    /** The next answer that is not a notification, after sending `frame`. */
    async answerTo(frame: string | Buffer, options: { binary?: boolean } = {}): Promise<Record<string, unknown>> {
      const before = answers.length;
      socket.send(frame, { binary: options.binary ?? false });
      return waitFor(`an answer to ${String(frame).slice(0, 80)}`, () => answers.slice(before).find((answer) => 'id' in answer), 10_000);
    },
    close: () => socket.close(),
  };
}
