import { defaultUrlTransform } from 'react-markdown';

/**
 * Links and images in agent text: react-markdown's allow-list (http, https, mailto, ...; relative
 * URLs) with everything else (javascript:, data:, vbscript:) turned into an inert empty URL.
 */
export function safeUrl(url: string): string {
  return defaultUrlTransform(url.trim());
}

/** True for an absolute http(s) URL; used before showing a sign-in link from an agent. */
export function isHttpUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}
