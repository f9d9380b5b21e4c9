import { ACP_API_HEARTBEAT_METHOD } from '../protocol/index.js';

/** A heartbeat frame as the hub writes it; matched on the text so other frames are not parsed twice. */
const HEARTBEAT_FRAME = /^\{"jsonrpc":"2\.0","method":"hub\.heartbeat","params":\{"intervalMs":(\d+)\}\}$/;

/**
 * The client half of the hub's heartbeat (see ACP_API_HEARTBEAT_METHOD). Every frame the transport
 * receives goes through `heard`: a heartbeat sets the expected interval and is consumed (the API
 * client never sees it); any frame proves the peer alive. Once a heartbeat has been heard, silence for
 * two intervals calls `onSilent`. A hub that sends no heartbeats is never timed out.
 */
export function createHeartbeatWatch(onSilent: (silentMs: number) => void) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let intervalMs: number | undefined;

  function arm(): void {
    clearTimeout(timer);
    if (intervalMs === undefined) return;
    const silentMs = 2 * intervalMs;
    timer = setTimeout(() => onSilent(silentMs), silentMs);
  }

  return {
    /** Notes a received frame; true when it was a heartbeat (not to be passed on). */
    heard(text: string): boolean {
      const heartbeat = text.length < 100 ? HEARTBEAT_FRAME.exec(text) : null;
      if (heartbeat && Number(heartbeat[1]) > 0) intervalMs = Number(heartbeat[1]);
      arm();
      return heartbeat !== null;
    },
    stop(): void {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}

/** The reason a transport gives when it drops a silent connection. */
export function silentReason(silentMs: number): string {
  return `no word from the hub for ${Math.round(silentMs / 1000)} s (heartbeat ${ACP_API_HEARTBEAT_METHOD} missing); reconnecting`;
}
