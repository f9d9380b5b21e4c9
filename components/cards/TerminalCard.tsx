import { useState } from 'react';
import { Button, Tag } from 'antd';
import { CodeOutlined, CopyOutlined } from '@ant-design/icons';
import { isOpenStatus } from '../../src/activity/index.js';
import { useCardExpanded } from '../../stores/hooks/useCardExpanded.js';
import { useFullOutput } from '../../stores/hooks/useFullOutput.js';
import { CardHeader } from '../common/CardHeader.js';
import { CardShell } from '../common/CardShell.js';
import { StatusTag } from '../common/StatusTag.js';
import type { CardProps } from './card-props.js';
import { TerminalOutput } from './TerminalOutput.js';
import { TAIL_LINES, keptOutput } from './terminal-text.js';

/**
 * The command itself (what will run or ran), with the agent's own title as a caption: "List files"
 * alone hid `ls -la && printf ...`. Without a reported command line, the title, not dressed as one.
 */
function TerminalTitle({ command, title }: { command: string | null; title: string }) {
  if (command === null) return <span>{title}</span>;
  return (
    <>
      <code>$ {command}</code>
      {title && title !== command ? <span className="cc-muted cc-terminal-caption" style={{ marginLeft: 8, fontSize: 12 }}>{title}</span> : null}
    </>
  );
}

/** A shell command: command and cwd, ANSI output (live tail / full bounded), copy, exit code, cut note. */
export function TerminalCard({ turnId, item }: CardProps<'terminal'>) {
  const running = isOpenStatus(item.status);
  const { expanded, toggle } = useCardExpanded(turnId, item.id, running || item.status === 'failed');
  const { full, toggle: toggleFull } = useFullOutput(turnId, item.id);
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const { output } = item;
  const copy = () => {
    navigator.clipboard
      ?.writeText(keptOutput(output))
      .then(() => setCopied('copied'))
      .catch(() => setCopied('failed'));
  };
  const exit =
    item.signal != null ? <Tag color="error">signal {item.signal}</Tag> : item.exitCode != null ? <Tag color={item.exitCode === 0 ? 'success' : 'error'}>exit {item.exitCode}</Tag> : null;
  return (
    <CardShell
      kind="terminal"
      label={`Command: ${item.command ?? item.title}`}
      header={
        <CardHeader label="command" icon={<CodeOutlined />} title={<TerminalTitle command={item.command} title={item.title} />} expanded={expanded} onToggle={toggle} extra={<>{exit}<StatusTag status={item.status} /></>} />
      }
    >
      {expanded ? (
        <>
          {item.command === null ? <div className="cc-muted">The agent did not report the command line, only its title.</div> : null}
          {item.cwd ? <div className="cc-muted">in <code>{item.cwd}</code></div> : null}
          {output.totalChars > 0 ? <TerminalOutput output={output} full={full} /> : <div className="cc-muted">{running ? 'no output yet' : 'no output'}</div>}
          {output.droppedChars > 0 ? (
            <div role="note" className="cc-cut-note" style={{ color: 'var(--cc-warning-text, #ad6800)' }}>
              Output cut: {output.droppedChars.toLocaleString('en')} of {output.totalChars.toLocaleString('en')} characters ({output.totalLines.toLocaleString('en')} lines) were not kept.
            </div>
          ) : null}
          <div style={{ display: 'flex', gap: 8, marginTop: 4 }}>
            {output.totalLines > TAIL_LINES ? <Button size="small" onClick={toggleFull}>{full ? 'Show last lines' : 'Show full output'}</Button> : null}
            {output.totalChars > 0 ? <Button size="small" icon={<CopyOutlined />} onClick={copy}>{copied === 'copied' ? 'Copied' : copied === 'failed' ? 'Copy failed' : 'Copy'}</Button> : null}
          </div>
        </>
      ) : null}
    </CardShell>
  );
}
