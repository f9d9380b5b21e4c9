import { Fragment, memo, useMemo } from 'react';
import type { CSSProperties, ReactNode } from 'react';
import Anser from 'anser';
import { splitTerminalLinks } from './terminal-links.js';

// anser reports colours as "r, g, b"; anything else is ignored rather than put into a style.
const RGB = /^\d{1,3}, ?\d{1,3}, ?\d{1,3}$/;
// SGR 10 ("primary font") changes nothing here, and anser ignores it. Put before each hyperlink
// segment, it makes anser style that segment's first text with the colours still in effect.
const KEEP_STYLE = '\u001b[10m';

type Run = { href?: string; entries: Anser.AnserJsonEntry[] };

function styleOf(entry: Anser.AnserJsonEntry): CSSProperties | undefined {
  const style: CSSProperties = {};
  if (RGB.test(entry.fg)) style.color = `rgb(${entry.fg})`;
  if (RGB.test(entry.bg)) style.backgroundColor = `rgb(${entry.bg})`;
  if (entry.decorations.includes('bold')) style.fontWeight = 'bold';
  if (entry.decorations.includes('italic')) style.fontStyle = 'italic';
  if (entry.decorations.includes('underline')) style.textDecoration = 'underline';
  if (entry.decorations.includes('dim')) style.opacity = 0.7;
  return Object.keys(style).length > 0 ? style : undefined;
}

function runsOf(text: string): Run[] {
  // One anser for all segments, so colours set before a link carry into it and past it.
  const anser = new Anser();
  return splitTerminalLinks(text).map((segment, index) => ({
    href: segment.href,
    entries: anser.ansiToJson(index === 0 ? segment.text : KEEP_STYLE + segment.text, { json: true, remove_empty: true }),
  }));
}

function entryNodes(entries: Anser.AnserJsonEntry[]): ReactNode[] {
  return entries.map((entry, index) => {
    const style = styleOf(entry);
    return style ? (
      <span key={index} style={style}>
        {entry.content}
      </span>
    ) : (
      entry.content
    );
  });
}

/**
 * Terminal text with ANSI colours as styled spans and OSC 8 hyperlinks as links (http and https
 * only; other OSC sequences are removed). The text itself is only ever a React child.
 */
export const AnsiText = memo(function AnsiText({ text }: { text: string }) {
  const runs = useMemo(() => runsOf(text), [text]);
  return (
    <>
      {runs.map((run, index) =>
        run.href ? (
          <a key={index} href={run.href} title={run.href} target="_blank" rel="noopener noreferrer">
            {entryNodes(run.entries)}
          </a>
        ) : (
          <Fragment key={index}>{entryNodes(run.entries)}</Fragment>
        ),
      )}
    </>
  );
});
