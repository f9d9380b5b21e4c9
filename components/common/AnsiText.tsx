import { memo, useMemo } from 'react';
import type { CSSProperties } from 'react';
import Anser from 'anser';

// anser reports colours as "r, g, b"; anything else is ignored rather than put into a style.
const RGB = /^\d{1,3}, ?\d{1,3}, ?\d{1,3}$/;

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

/** Terminal text with ANSI colours as styled spans; the text itself is only ever a React child. */
export const AnsiText = memo(function AnsiText({ text }: { text: string }) {
  const entries = useMemo(() => Anser.ansiToJson(text, { json: true, remove_empty: true }), [text]);
  return (
    <>
      {entries.map((entry, index) => {
        const style = styleOf(entry);
        return style ? (
          <span key={index} style={style}>
            {entry.content}
          </span>
        ) : (
          entry.content
        );
      })}
    </>
  );
});
