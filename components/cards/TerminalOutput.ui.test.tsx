import { render } from '@testing-library/react';
import type { BoundedText } from '../../src/activity/index.js';
import { TerminalOutput } from './TerminalOutput.js';
import { keptOutput } from './terminal-text.js';

const ESC = '\u001b';
const ST = `${ESC}\\`;
const BEL = '\u0007';
const link = (uri: string, text: string, end = ST, params = '') => `${ESC}]8;${params};${uri}${end}${text}${ESC}]8;;${end}`;

function bounded(text: string): BoundedText {
  return { head: text, tail: '', droppedChars: 0, totalChars: text.length, totalLines: text.split('\n').length };
}

function renderOutput(text: string, full = true) {
  return render(<TerminalOutput output={bounded(text)} full={full} />).container;
}

function links(container: HTMLElement) {
  return [...container.querySelectorAll('a')].map((anchor) => ({ href: anchor.getAttribute('href'), text: anchor.textContent }));
}

describe('TerminalOutput with OSC 8 hyperlinks', () => {
  it('shows http and https hyperlinks as links, ended by ST or BEL, with params', () => {
    const text = `see ${link('https://example.com/docs?a=1', 'the docs')} and ${link('http://localhost:8080/', 'local', BEL, 'id=42')} done\n`;
    for (const full of [true, false]) {
      const container = renderOutput(text, full);
      expect(links(container)).toEqual([
        { href: 'https://example.com/docs?a=1', text: 'the docs' },
        { href: 'http://localhost:8080/', text: 'local' },
      ]);
      const anchor = container.querySelector('a');
      expect(anchor?.getAttribute('rel')).toBe('noopener noreferrer');
      expect(anchor?.getAttribute('target')).toBe('_blank');
      expect(container.textContent).toBe(full ? 'see the docs and local done\n' : 'see the docs and local done');
      container.remove();
    }
  });

  it('never links a hostile or non-web URI, and still shows its text without escapes', () => {
    const hostile = ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox', 'file:///etc/passwd', '//evil.example/x', 'not a url'];
    const text = hostile.map((uri, index) => link(uri, `t${index}`, index % 2 === 0 ? ST : BEL)).join(' ');
    const container = renderOutput(text);
    expect(container.querySelectorAll('a')).toHaveLength(0);
    expect(container.textContent).toBe(hostile.map((_, index) => `t${index}`).join(' '));
    expect(container.innerHTML).not.toMatch(/javascript|data:|vbscript|file:/i);
  });

  it('removes other OSC sequences (title, clipboard) and shows the rest', () => {
    const text = `${ESC}]0;pwned title${BEL}before ${ESC}]52;c;SGVsbG8=${ST}after\u009d2;c1 title\u009cend`;
    const container = renderOutput(text);
    expect(container.textContent).toBe('before afterend');
    expect(container.querySelectorAll('a')).toHaveLength(0);
  });

  it('hides no more than the rest of its line for an OSC that never ends', () => {
    const container = renderOutput(`one ${ESC}]8;;https://example.com/ never ended\ntwo\n`);
    expect(container.textContent).toBe('one \ntwo\n');
  });

  it('keeps the colours in effect into a link and after it', () => {
    const container = renderOutput(`${ESC}[31mred ${link('https://example.com/', 'linked')} still red${ESC}[0m plain`);
    const anchor = container.querySelector('a');
    expect(anchor?.querySelector('span')?.style.color).toMatch(/^rgb/);
    const spans = [...container.querySelectorAll('span')].map((span) => [span.textContent, span.style.color !== '']);
    expect(spans).toEqual([['red ', true], ['linked', true], [' still red', true]]);
    expect(container.textContent).toBe('red linked still red plain');
  });

  it('copies the output with link text and without OSC sequences', () => {
    expect(keptOutput(bounded(`a ${link('https://example.com/', 'b')} ${ESC}]0;t${BEL}c`))).toBe('a b c');
  });
});
