// The CLI's side of the admin socket: find the hub serving a data dir and let it run the command.
import { readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { adminSocketPath, hubFilePath, isHubFile, type AdminRequest, type AdminResponse, type HubFile } from './admin-protocol.js';

/** hub.json's hub when its process lives; undefined when there is no file or it is stale. */
export function liveHub(dataDir: string): HubFile | undefined {
  let file: unknown;
  try {
    file = JSON.parse(readFileSync(hubFilePath(dataDir), 'utf8'));
  } catch {
    return undefined;
  }
  if (!isHubFile(file)) return undefined;
  try {
    process.kill(file.pid, 0);
    return file;
  } catch (error) {
    // EPERM: the process exists but is another user's (a hub run by another account): it lives.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? file : undefined;
  }
}

/**
 * Sends the command to the hub; undefined when nobody listens on the socket (a hub that died
 * without cleaning up), so the caller opens the database itself.
 */
export function sendToHub(dataDir: string, request: AdminRequest): Promise<AdminResponse | undefined> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(adminSocketPath(dataDir));
    let connected = false;
    let reply = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => {
      connected = true;
      socket.write(`${JSON.stringify(request)}\n`);
    });
    socket.on('data', (chunk: string) => (reply += chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (!connected && (error.code === 'ENOENT' || error.code === 'ECONNREFUSED')) resolve(undefined);
      else reject(new Error(`the hub's admin socket failed: ${error.message}`));
    });
    socket.on('end', () => {
      try {
        resolve(JSON.parse(reply) as AdminResponse);
      } catch {
        reject(new Error('the hub closed its admin socket without an answer'));
      }
    });
  });
}
