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
 * An installed package has no sources and ships dist/app built; a production install of a clone
 * (`npm ci --omit=dev`) has no vite and serves dist/app as `npm run build` left it. Returns false
 * (and the hub serves its placeholder page) when there is no built app and none can be built; a
 * failed build is printed.
 */
export async function buildAppIfNeeded(projectRoot: string, log: (line: string) => void): Promise<boolean> {
  const built = path.join(projectRoot, 'dist/app/index.html');
  if (!existsSync(path.join(projectRoot, 'src/app/index.html'))) {
    if (existsSync(built)) return true;
    log('[hub] the web app has no sources and no build (dist/app/index.html); serving a placeholder page');
    return false;
  }
  const sources = ['src', 'components', 'stores', 'vite.config.ts'].map((name) => path.join(projectRoot, name));
  if (existsSync(built) && statSync(built).mtimeMs >= newestSource(sources)) return true;
  const vite = path.join(projectRoot, 'node_modules/vite/bin/vite.js');
  if (!existsSync(vite)) {
    log(`[hub] vite is not installed (a production install), so the web app is not rebuilt; ${existsSync(built) ? 'serving dist/app as built' : 'serving a placeholder page'} (\`npm ci && npm run build\` builds it)`);
    return existsSync(built);
  }
  log('[hub] building the web app with vite (dist/app is missing or older than the sources)...');
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
