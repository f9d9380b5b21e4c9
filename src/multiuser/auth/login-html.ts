import { createHash } from 'node:crypto';

/** Text made safe for HTML content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const STYLE = `
body { font: 15px/1.45 system-ui, sans-serif; margin: 0; min-height: 100vh; display: grid; place-items: center; background: #f5f5f5; color: #1f1f1f; }
main { background: #fff; padding: 28px 32px; border-radius: 10px; box-shadow: 0 2px 10px rgba(0,0,0,.08); width: min(360px, 90vw); }
h1 { font-size: 20px; margin: 0 0 16px; }
label { display: block; margin: 12px 0 4px; font-weight: 600; }
input { box-sizing: border-box; width: 100%; padding: 8px 10px; font: inherit; border: 1px solid #bbb; border-radius: 6px; }
button { margin-top: 18px; width: 100%; padding: 9px; font: inherit; font-weight: 600; color: #fff; background: #1668dc; border: 0; border-radius: 6px; cursor: pointer; }
.error { color: #a8071a; background: #fff1f0; border: 1px solid #ffccc7; padding: 8px 10px; border-radius: 6px; }
.note { color: #595959; }
@media (prefers-color-scheme: dark) { body { background: #141414; color: #e6e6e6; } main { background: #1f1f1f; } input { background: #141414; color: inherit; border-color: #434343; } .note { color: #a6a6a6; } }
`;

/**
 * No scripts, no external resources: the one stylesheet is allowed by its hash, forms post only
 * here, and no other site may frame the page (clickjacking of the login form).
 */
export const LOGIN_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** A whole page around `body` (already escaped HTML). */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · codex-chat</title>
<style>${STYLE}</style>
</head>
<body><main>
${body}
</main></body>
</html>
`;
}

/** An error paragraph, or nothing. */
export function errorBlock(error: string | undefined): string {
  return error === undefined ? '' : `<p class="error" role="alert">${escapeHtml(error)}</p>`;
}
