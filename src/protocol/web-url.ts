/**
 * Whether `url` is an absolute http(s) URL, the only kind the page may turn into a link: an agent's
 * URL elicitation could name `javascript:`, `data:` or `file:` (shown as text, never clickable).
 */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
