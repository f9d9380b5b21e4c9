// The admin socket's protocol: one JSON line each way per connection.
import path from 'node:path';

/** The command line of an admin command and the folder relative paths in it resolve against. */
export type AdminRequest = { argv: string[]; cwd: string };
/** What the CLI prints and exits with. */
export type AdminResponse = { exitCode: number; stdout: string[]; stderr: string[] };

export const adminSocketPath = (dataDir: string) => path.join(dataDir, 'admin.sock');
export const hubFilePath = (dataDir: string) => path.join(dataDir, 'hub.json');

/** `<data>/hub.json`: which process serves the data dir, and where. */
export type HubFile = { pid: number; url: string };

export function isHubFile(value: unknown): value is HubFile {
  const file = value as HubFile | null;
  return typeof file === 'object' && file !== null && Number.isInteger(file.pid) && file.pid > 0 && typeof file.url === 'string';
}
