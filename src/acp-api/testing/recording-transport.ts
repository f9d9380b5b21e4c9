import type { AcpTransport, TransportEvents } from '../transport.js';

export type Frame = { id?: number; method: string; params: Record<string, unknown> };
export type Answer = { result: unknown } | { error: { code: number; message: string } };

/**
 * A transport standing in for the hub's socket (the multiuser router and the cluster's front hub are
 * other engineers'; this tests only what the page's wrapper puts on the wire and lets through). It
 * answers every call with `answer(frame)` (`{}` unless told) and lets the test push notifications and
 * drop the connection.
 */
export function recordingTransport(answer: (frame: Frame) => Answer = () => ({ result: {} })) {
  const sent: Frame[] = [];
  let events: TransportEvents | undefined;
  const transport: AcpTransport = {
    open(next) {
      events = next;
      queueMicrotask(() => next.onOpen());
      return {
        send(text) {
          const frame = JSON.parse(text) as Frame;
          sent.push(frame);
          queueMicrotask(() => events === next && next.onMessage(JSON.stringify({ jsonrpc: '2.0', id: frame.id, ...answer(frame) })));
        },
        close() {},
      };
    },
  };
  return {
    transport,
    sent,
    push: (method: string, params: unknown) => events?.onMessage(JSON.stringify({ jsonrpc: '2.0', method, params })),
    drop: () => events?.onClose('test drop'),
  };
}
