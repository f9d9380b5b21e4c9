// For the package test: build and pack codex-chat, install the tarball into a fresh host project,
// and serve a built folder over HTTP (module scripts do not load from file://).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const PROJECT_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const run = promisify(execFile);

/** Runs a command, resolving with its stdout; a failure carries its stderr. */
export async function sh(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  try {
    const { stdout } = await run(command, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout ?? ''}\n${stderr ?? ''}`);
  }
}

export type Packed = { tarball: string; size: number; unpackedSize: number; files: string[] };

/** `npm pack` into `destination` (the build ran before: no prepack here, so it does not run twice). */
export async function packProject(destination: string): Promise<Packed> {
  const [info] = JSON.parse(await sh('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', destination], PROJECT_ROOT)) as Array<{
    filename: string;
    size: number;
    unpackedSize: number;
    files: Array<{ path: string }>;
  }>;
  return { tarball: path.join(destination, info.filename), size: info.size, unpackedSize: info.unpackedSize, files: info.files.map((file) => file.path) };
}

/** The versions of the peers this project develops with, so the host install comes from npm's cache. */
async function peerSpecs(): Promise<string[]> {
  const manifest = JSON.parse(await readFile(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { peerDependencies: Record<string, string> };
  return Promise.all(
    Object.keys(manifest.peerDependencies).map(async (name) => {
      const installed = JSON.parse(await readFile(path.join(PROJECT_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
      return `${name}@${installed.version}`;
    }),
  );
}

/** A host project in `folder` with the tarball and only the peer dependencies installed. */
export async function installHost(folder: string, tarball: string): Promise<void> {
  await writeFile(path.join(folder, 'package.json'), JSON.stringify({ name: 'host-app', private: true, type: 'module' }, null, 2));
  await sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball, ...(await peerSpecs())], folder);
}

const CONTENT_TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

/** Serves `folder` on 127.0.0.1 (index.html for `/`); resolves with its base URL and server. */
export async function serveFolder(folder: string): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const name = new URL(request.url ?? '/', 'http://x').pathname;
    const file = path.join(folder, name === '/' ? 'index.html' : path.normalize(name));
    readFile(file).then(
      (body) => {
        response.writeHead(200, { 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
        response.end(body);
      },
      () => {
        response.writeHead(404);
        response.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`, server };
}

/** Spawns a hub and resolves with its printed URL and how long it took to print it (ms). */
export function startPrintedHub(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string; startMs: number }> {
  const started = performance.now();
  const child = spawn(command, args, { cwd, env: { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '', ...env } });
  let output = '';
  return new Promise((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk;
      const match = /running at (\S+)/.exec(output);
      if (match) resolve({ child, url: match[1], startMs: performance.now() - started });
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.on('exit', (code) => reject(new Error(`${command} exited (${code}) before printing its URL:\n${output}`)));
  });
}
