export type { AcpApi, CallOptions, ConnectionState } from './types.js';
