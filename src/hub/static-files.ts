import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Shown when the web app has not been built (or not written) yet. */
export const PLACEHOLDER_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>codex-chat hub</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto">
<h1>codex-chat hub is running</h1>
<p>The web app is not built yet: <code>dist/app/index.html</code> is missing.
Run <code>npm run build</code> (or <code>npm start</code>, which builds it when the sources exist), then reload.</p>
<p>The hub itself works: the WebSocket API is at <code>/api/ws</code>, settings at <code>/customize</code>.</p>
</body></html>
`;

async function fileInside(appDir: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined; // malformed escape: not a file of ours
  }
  const candidate = path.resolve(appDir, `.${path.posix.normalize(decoded)}`);
  if (candidate !== appDir && !candidate.startsWith(appDir + path.sep)) return undefined;
  try {
    const info = await stat(candidate);
    return info.isFile() ? candidate : undefined;
  } catch {
    return undefined; // absent: the caller falls back to index.html
  }
}

function send(response: ServerResponse, file: string, headers: OutgoingHttpHeaders): void {
  response.writeHead(200, { 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', ...headers });
  createReadStream(file)
    .on('error', (error) => response.destroy(error))
    .pipe(response);
}

/**
 * Serves the built web app from `appDir`: files as they are, and `index.html` for any other path (the
 * app routes itself); the placeholder page when the app is not built.
 */
export async function serveApp(appDir: string, urlPath: string, response: ServerResponse, headers: OutgoingHttpHeaders): Promise<void> {
  const root = path.resolve(appDir);
  const file = urlPath === '/' ? undefined : await fileInside(root, urlPath);
  if (file) return send(response, file, { ...headers, 'Cache-Control': 'no-cache' });
  const index = await fileInside(root, '/index.html');
  if (index) return send(response, index, { ...headers, 'Cache-Control': 'no-store' });
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  response.end(PLACEHOLDER_PAGE);
}
