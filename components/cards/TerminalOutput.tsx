import type { BoundedText } from '../../src/activity/index.js';
import { AnsiText } from '../common/AnsiText.js';
import { TAIL_LINES, lastLines, latestOutput } from './terminal-text.js';

// Colours from the theme's variables (components/theme), the light theme's as fallbacks.
const PRE_STYLE = { background: 'var(--cc-terminal-background, #1e1e1e)', color: 'var(--cc-terminal-text, #ddd)', padding: 8, borderRadius: 4, overflow: 'auto', maxHeight: 480, fontSize: 12, margin: 0, whiteSpace: 'pre-wrap' } as const;

/** Terminal output: the last lines (live tail), or the full bounded output with the cut marked. */
export function TerminalOutput({ output, full }: { output: BoundedText; full: boolean }) {
  if (!full) {
    const tail = lastLines(latestOutput(output), TAIL_LINES);
    return (
      <pre className="cc-terminal-output" style={PRE_STYLE} aria-label="Command output (last lines)">
        <AnsiText text={tail.text} />
      </pre>
    );
  }
  return (
    <pre className="cc-terminal-output" style={PRE_STYLE} aria-label="Command output">
      <AnsiText text={output.head} />
      {output.droppedChars > 0 ? (
        <span className="cc-cut-marker" style={{ display: 'block', color: 'var(--cc-terminal-cut-marker, #e3b341)', margin: '4px 0' }}>
          {`[… ${output.droppedChars.toLocaleString('en')} characters cut here …]`}
        </span>
      ) : null}
      <AnsiText text={output.tail} />
    </pre>
  );
}
