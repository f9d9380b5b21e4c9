import { spawn } from 'node:child_process';

/** Opens `url` in the desktop's browser where there is a desktop; says why not otherwise. */
export function openBrowser(url: string, log: (line: string) => void): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    log('[hub] no desktop (DISPLAY is not set): open the URL above in a browser');
    return;
  }
  // The URL carries the token: it goes to the opener as an argument of a local process only.
  const child = spawn(command, [url], { stdio: 'ignore', detached: true });
  child.on('error', (error) => log(`[hub] could not open a browser (${command}: ${error.message}); open the URL above`));
  child.unref();
}
