import { isHttpUrl } from './safe-url.js';

/** A run of terminal text; `href` is set inside an OSC 8 hyperlink to an http(s) URL. */
export type TerminalSegment = { text: string; href?: string };

// An OSC sequence starts with ESC ] (or the 8-bit C1 OSC) and ends with BEL or ST (ESC \ or C1 ST).
// eslint-disable-next-line no-control-regex -- control characters are what these match
const OSC_START = /\u001b\]|\u009d/g;
// A newline also ends an unterminated one, so a stray ESC ] hides at most the rest of its line.
// eslint-disable-next-line no-control-regex -- control characters are what these match
const OSC_END = /\u0007|\u001b\\|\u009c|\n/g;

/**
 * Splits terminal output at its OSC 8 hyperlinks (`ESC ] 8 ; params ; URI ST text ESC ] 8 ; ; ST`)
 * and removes every OSC sequence (window titles, hyperlinks, clipboard writes, …) from the text.
 * Only http and https URIs become links; any other (javascript:, data:, file:) leaves its text plain.
 */
export function splitTerminalLinks(text: string): TerminalSegment[] {
  if (!text.includes('\u001b]') && !text.includes('\u009d')) return [{ text }];
  const segments: TerminalSegment[] = [];
  let href: string | undefined;
  let pending = '';
  const flush = () => {
    if (pending !== '') segments.push(href === undefined ? { text: pending } : { text: pending, href });
    pending = '';
  };
  let index = 0;
  OSC_START.lastIndex = 0;
  for (let start = OSC_START.exec(text); start; start = OSC_START.exec(text)) {
    pending += text.slice(index, start.index);
    const payloadStart = start.index + start[0].length;
    OSC_END.lastIndex = payloadStart;
    const end = OSC_END.exec(text);
    const payloadEnd = end ? end.index : text.length;
    // The newline that ended an unterminated sequence is output, not part of it.
    index = end && end[0] !== '\n' ? payloadEnd + end[0].length : payloadEnd;
    OSC_START.lastIndex = index;
    const link = hyperlinkTarget(text.slice(payloadStart, payloadEnd));
    if (link === undefined) continue;
    flush();
    href = link !== '' && isHttpUrl(link) ? link : undefined;
  }
  pending += text.slice(index);
  flush();
  return segments;
}

/** The URI of an OSC 8 payload (`8;params;URI`, '' closes the link), or undefined for any other OSC. */
function hyperlinkTarget(payload: string): string | undefined {
  if (!payload.startsWith('8;')) return undefined;
  const separator = payload.indexOf(';', 2);
  return separator < 0 ? undefined : payload.slice(separator + 1);
}

/** The text without any OSC sequence (hyperlinks keep their text), for copying. */
export function stripOscSequences(text: string): string {
  return splitTerminalLinks(text)
    .map((segment) => segment.text)
    .join('');
}
