import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Newest modification time (ms) of the files under `folders` (skipping node_modules), 0 if none. */
function newestSource(folders: string[]): number {
  let newest = 0;
  const visit = (target: string) => {
    if (!existsSync(target)) return;
    const info = statSync(target);
    if (info.isFile()) newest = Math.max(newest, info.mtimeMs);
    else if (info.isDirectory() && path.basename(target) !== 'node_modules') {
      for (const name of readdirSync(target)) visit(path.join(target, name));
    }
  };
  folders.forEach(visit);
  return newest;
}

/**
 * Builds the web app with vite when `dist/app/index.html` is missing or older than its sources.
 * Returns false (and the hub serves its placeholder page) when the app has no sources yet or the
 * build fails; the failure is printed.
 */
export async function buildAppIfNeeded(projectRoot: string, log: (line: string) => void): Promise<boolean> {
  const entry = path.join(projectRoot, 'src/app/index.html');
  if (!existsSync(entry)) {
    log('[hub] the web app has no sources yet (src/app/index.html); serving a placeholder page');
    return false;
  }
  const built = path.join(projectRoot, 'dist/app/index.html');
  const sources = ['src', 'components', 'stores', 'vite.config.ts'].map((name) => path.join(projectRoot, name));
  if (existsSync(built) && statSync(built).mtimeMs >= newestSource(sources)) return true;
  log('[hub] building the web app with vite (dist/app is missing or older than the sources)...');
  const vite = path.join(projectRoot, 'node_modules/vite/bin/vite.js');
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: projectRoot, stdio: 'inherit' });
    child.on('error', (error) => {
      log(`[hub] could not run vite: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (exitCode) => resolve(exitCode ?? 1));
  });
  if (code !== 0) {
    log(`[hub] the web app build failed (exit ${code}); ${existsSync(built) ? 'serving the previous build' : 'serving a placeholder page'}`);
    return existsSync(built);
  }
  log('[hub] web app built');
  return true;
}
