export * from './subjects.js';
export * from './messages.js';
export { deriveCallerSigningKey, signCall, verifyCall } from './caller-signature.js';
export { connectCluster, readNatsCredentials, NatsCredentialsError, type NatsCredentials, type ClusterConnectionOptions } from './nats-connection.js';
