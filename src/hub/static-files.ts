import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
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

/** Vite's content-hashed build output (`assets/index-B1x2y3z4.js`): its name changes whenever its bytes do. */
const HASHED_ASSET = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.(?:js|css)$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

type AppFile = { file: string; etag: string };

async function fileInside(appDir: string, urlPath: string): Promise<AppFile | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined; // malformed escape: not a file of ours
  }
  if (decoded.includes('\0')) return undefined;
  const candidate = path.resolve(appDir, `.${path.posix.normalize(decoded)}`);
  if (candidate !== appDir && !candidate.startsWith(appDir + path.sep)) return undefined;
  try {
    const info = await stat(candidate);
    // Size and mtime change with every build, as nginx's ETags do; no need to hash the bytes.
    return info.isFile() ? { file: candidate, etag: `"${info.size.toString(16)}-${Math.trunc(info.mtimeMs).toString(16)}"` } : undefined;
  } catch {
    return undefined; // absent, a name too long, a file used as a folder: the caller falls back to index.html
  }
}

function matchesEtag(request: IncomingMessage, etag: string): boolean {
  const given = request.headers['if-none-match'];
  if (given === undefined) return false;
  return given.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*');
}

function send(request: IncomingMessage, response: ServerResponse, found: AppFile, headers: OutgoingHttpHeaders): void {
  const withTag = { ...headers, ETag: found.etag };
  if (matchesEtag(request, found.etag)) {
    response.writeHead(304, withTag);
    response.end();
    return;
  }
  response.writeHead(200, { 'Content-Type': CONTENT_TYPES[path.extname(found.file)] ?? 'application/octet-stream', ...withTag });
  if (request.method === 'HEAD') return void response.end();
  createReadStream(found.file)
    .on('error', (error) => response.destroy(error))
    .pipe(response);
}

/**
 * Serves the built web app from `appDir`: files as they are, and `index.html` for any other path (the
 * app routes itself); the placeholder page when the app is not built. Hashed assets are cached for a
 * year (a new build has new names); everything else, the HTML above all, is revalidated by ETag, so
 * a reload costs a 304 and never serves a stale app.
 */
export async function serveApp(appDir: string, urlPath: string, request: IncomingMessage, response: ServerResponse, headers: OutgoingHttpHeaders): Promise<void> {
  const root = path.resolve(appDir);
  const file = urlPath === '/' ? undefined : await fileInside(root, urlPath);
  if (file) return send(request, response, file, { ...headers, 'Cache-Control': HASHED_ASSET.test(urlPath) ? IMMUTABLE : 'no-cache' });
  const index = await fileInside(root, '/index.html');
  if (index) return send(request, response, index, { ...headers, 'Cache-Control': 'no-cache' });
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  response.end(PLACEHOLDER_PAGE);
}
