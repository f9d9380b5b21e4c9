// Writes a cluster's nats-server.conf and one credentials file per process (`codex-chat cluster
// nats-config`). One NATS user per process, each allowed only its own subjects (subjects.ts), no
// anonymous access. The config holds bcrypt hashes (nats-server checks `$2a$` passwords); the
// plain passwords live only in the 0600 credentials files the processes read.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import bcrypt from 'bcryptjs';
import { readNatsCredentials, type NatsCredentials } from './nats-connection.js';
import { CLUSTER_SUBJECTS, isHostId } from './subjects.js';

export const DEFAULT_NATS_LISTEN = '127.0.0.1:4222';
export const NATS_CONFIG_FILE = 'nats-server.conf';
export const FRONT_NATS_USER = 'front';

/** A host's NATS user (and credentials file name without `.json`). */
export function hostNatsUser(hostId: string): string {
  return `host-${hostId}`;
}

export type NatsConfigOptions = {
  hosts: string[];
  /** `HOST:PORT` nats-server listens on (`127.0.0.1:-1`: a random port, for tests). */
  listen?: string;
  outDir: string;
};

export type WrittenNatsConfig = {
  configFile: string;
  /** User name -> its credentials file (`front`, `host-h1`, ...). */
  credentialsFiles: Record<string, string>;
  /** The users whose credentials file existed and was kept (their password unchanged). */
  kept: string[];
};

export class NatsConfigError extends Error {}

type Permissions = { publish: string[]; subscribe: string[]; allowResponses: boolean };

const FRONT_PERMISSIONS: Permissions = {
  publish: [CLUSTER_SUBJECTS.hostCall('*'), CLUSTER_SUBJECTS.frontEvents],
  // _INBOX.>: the replies to its requests.
  subscribe: [CLUSTER_SUBJECTS.anyHostNotify, CLUSTER_SUBJECTS.anyHostAlive, '_INBOX.>'],
  allowResponses: false,
};

function hostPermissions(hostId: string): Permissions {
  return {
    publish: [CLUSTER_SUBJECTS.hostNotify(hostId), CLUSTER_SUBJECTS.hostAlive(hostId)],
    subscribe: [CLUSTER_SUBJECTS.hostCall(hostId), CLUSTER_SUBJECTS.frontEvents],
    // Lets the host answer the requests it received (their reply subjects only), nothing else.
    allowResponses: true,
  };
}

const LISTEN_PATTERN = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+):(-1|\d{1,5})$/i;

function checkListen(listen: string): void {
  const match = LISTEN_PATTERN.exec(listen);
  const port = match ? Number(match[2]) : NaN;
  if (!match || port > 65_535) throw new NatsConfigError(`--listen must be HOST:PORT (like ${DEFAULT_NATS_LISTEN}), not ${JSON.stringify(listen)}`);
}

function checkHosts(hosts: string[]): void {
  if (hosts.length === 0) throw new NatsConfigError('name at least one project host (--hosts h1,h2)');
  for (const host of hosts) {
    if (!isHostId(host)) throw new NatsConfigError(`${JSON.stringify(host)} is not a host id (lowercase letters, digits, - and _, at most 63, starting with a letter or digit)`);
  }
  const duplicate = hosts.find((host, index) => hosts.indexOf(host) !== index);
  if (duplicate) throw new NatsConfigError(`host ${duplicate} is named twice`);
}

/** The existing credentials of `user` in `file`, or new ones written there (0600). */
function credentialsOf(user: string, file: string, kept: string[]): NatsCredentials {
  if (existsSync(file)) {
    const existing = readNatsCredentials(file);
    if (existing.user !== user) throw new NatsConfigError(`${file} is for NATS user ${existing.user}, not ${user}: move it away or fix it`);
    kept.push(user);
    return existing;
  }
  const created = { user, password: randomBytes(24).toString('base64url') };
  writeFileSync(file, `${JSON.stringify(created, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  return created;
}

// The passwords are 192 random bits: the cost guards nothing guessable, and nats-server pays it at every connect.
const BCRYPT_COST = 10;

async function bcryptHash(password: string): Promise<string> {
  // bcryptjs writes `$2b$`; nats-server 2.9 recognises a hash by `$2a$`. Both variants hash the same for these ASCII passwords.
  const salt = (await bcrypt.genSalt(BCRYPT_COST)).replace(/^\$2b\$/, '$2a$');
  return bcrypt.hash(password, salt);
}

function quoted(values: string[]): string {
  return values.map((value) => JSON.stringify(value)).join(', ');
}

function userEntry(user: string, hash: string, permissions: Permissions): string {
  return [
    '    {',
    `      user: ${JSON.stringify(user)}`,
    `      password: ${JSON.stringify(hash)}`,
    '      permissions: {',
    `        publish: { allow: [${quoted(permissions.publish)}] }`,
    `        subscribe: { allow: [${quoted(permissions.subscribe)}] }`,
    ...(permissions.allowResponses ? ['        allow_responses: true'] : []),
    '      }',
    '    }',
  ].join('\n');
}

/**
 * Writes `outDir/nats-server.conf` (0600) and `outDir/<user>.json` for the front and each host.
 * Credentials files that exist are kept (re-running with more hosts leaves running processes'
 * passwords as they are).
 */
export async function writeNatsConfig(options: NatsConfigOptions): Promise<WrittenNatsConfig> {
  const listen = options.listen ?? DEFAULT_NATS_LISTEN;
  checkListen(listen);
  checkHosts(options.hosts);
  mkdirSync(options.outDir, { recursive: true, mode: 0o700 });
  const users: { user: string; permissions: Permissions }[] = [
    { user: FRONT_NATS_USER, permissions: FRONT_PERMISSIONS },
    ...options.hosts.map((host) => ({ user: hostNatsUser(host), permissions: hostPermissions(host) })),
  ];
  const kept: string[] = [];
  const credentialsFiles: Record<string, string> = {};
  const entries: string[] = [];
  for (const { user, permissions } of users) {
    const file = path.join(options.outDir, `${user}.json`);
    credentialsFiles[user] = file;
    const { password } = credentialsOf(user, file, kept);
    entries.push(userEntry(user, await bcryptHash(password), permissions));
  }
  const configFile = path.join(options.outDir, NATS_CONFIG_FILE);
  const config = [
    '# Written by `codex-chat cluster nats-config`: one user per codex-chat process, each limited to its',
    '# own subjects; no anonymous access (every connection must log in as one of these users).',
    `listen: ${JSON.stringify(listen)}`,
    '# A chat document (chat.open) or a 16 MB frame must fit in one message; 64 MB is nats-server\'s maximum.',
    'max_payload: 64MB',
    'authorization {',
    '  users: [',
    entries.join('\n'),
    '  ]',
    '}',
    '',
  ].join('\n');
  writeFileSync(configFile, config, { mode: 0o600 });
  // writeFileSync's mode applies only to a new file; an existing config may have been looser.
  chmodSync(configFile, 0o600);
  return { configFile, credentialsFiles, kept };
}
