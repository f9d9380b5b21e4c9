export { CLUSTER_SUBJECTS, CLUSTER_TIMINGS, HOST_ID_PATTERN, hostIdOfSubject, isHostId } from './subjects.js';
export { CallerIdentity, encodeClusterMessage, FrontEvent, HostAlive, HostCallReply, HostCallRequest, HostNotification, NotificationTarget, parseClusterMessage } from './messages.js';
export { deriveCallerSigningKey, signCall, verifyCall } from './caller-signature.js';
export { connectCluster, readNatsCredentials, NatsCredentialsError, type NatsCredentials, type ClusterConnectionOptions } from './nats-connection.js';
export {
  DEFAULT_NATS_LISTEN,
  FRONT_NATS_USER,
  hostNatsUser,
  NATS_CONFIG_FILE,
  NatsConfigError,
  writeNatsConfig,
  type NatsConfigOptions,
  type WrittenNatsConfig,
} from './nats-config.js';
export { checkClusterKey, ClusterKeyMismatchError, CLUSTER_KEY_CHECK_SETTING, type ClusterKeyCheckOptions } from './cluster-key-check.js';
