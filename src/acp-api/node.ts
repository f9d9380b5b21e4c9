// Node-only entry of the acp-api (keeps `ws` out of browser bundles).
export { createNodeWebSocketTransport } from './node-websocket-transport.js';
export type { NodeWebSocketTransportOptions } from './node-websocket-transport.js';
