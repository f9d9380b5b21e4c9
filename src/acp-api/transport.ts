/** Callbacks of one connection attempt. */
export type TransportEvents = {
  onOpen(): void;
  onMessage(text: string): void;
  /** The connection ended (or never opened); `reason` is shown to the user. */
  onClose(reason: string): void;
};

/** One live connection. */
export type TransportConnection = { send(text: string): void; close(): void };

/** Opens connections to the hub; the client calls `open` again to reconnect. */
export interface AcpTransport {
  open(events: TransportEvents): TransportConnection;
}
