import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { SafeMarkdown } from './SafeMarkdown.js';
import { AnsiText } from './AnsiText.js';

describe('SafeMarkdown', () => {
  it('renders GFM with highlighted code and safe links', () => {
    const { container } = render(<SafeMarkdown text={'# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```ts\nconst x = 1;\n```\n\n[docs](https://example.com/docs)'} />);
    expect(screen.getByRole('heading', { name: 'Title' })).toBeInTheDocument();
    expect(screen.getByRole('table')).toBeInTheDocument();
    expect(container.querySelector('code.hljs, code.language-ts')).not.toBeNull();
    const link = screen.getByRole('link', { name: 'docs' });
    expect(link).toHaveAttribute('href', 'https://example.com/docs');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow');
  });

  it('highlights the code of every message with the one shared highlighter', () => {
    const { container } = render(
      <>
        <SafeMarkdown text={'```ts\nconst a = 1;\n```'} />
        <SafeMarkdown text={'```python\ndef b():\n    return 2\n```\n\n```nosuchlanguage\nplain\n```'} />
        <SafeMarkdown text={'```js\nlet c = 3;\n```'} />
      </>,
    );
    const codes = [...container.querySelectorAll('pre > code')];
    expect(codes.map((code) => code.className)).toEqual(['hljs language-ts', 'hljs language-python', 'hljs language-nosuchlanguage', 'hljs language-js']);
    // Highlighted code has token spans; the unknown language is left as plain text.
    expect(codes.map((code) => code.querySelectorAll('span[class^="hljs-"]').length > 0)).toEqual([true, true, false, true]);
  });

  it('renders GFM in every message with the once-built extensions, and highlights ~~~ fences too', () => {
    const { container } = render(
      <>
        {['first', 'second', 'third'].map((name) => (
          <SafeMarkdown key={name} text={`~~gone ${name}~~ and https://example.com/${name}\n\n- [x] done ${name}`} />
        ))}
        <SafeMarkdown text={'~~~ts\nconst d = 4;\n~~~'} />
        <SafeMarkdown text={'just `inline` code'} />
      </>,
    );
    expect(container.querySelectorAll('del')).toHaveLength(3);
    expect(screen.getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual(['https://example.com/first', 'https://example.com/second', 'https://example.com/third']);
    expect(screen.getAllByRole('checkbox')).toHaveLength(3);
    expect(container.querySelector('pre > code')?.className).toBe('hljs language-ts');
    expect(container.querySelectorAll('pre > code span[class^="hljs-"]').length).toBeGreaterThan(0);
    expect(screen.getByText('inline').tagName).toBe('CODE');
  });

  it('neutralises javascript:, data: and vbscript: links and shows raw HTML as text', () => {
    const { container } = render(<SafeMarkdown text={'[a](javascript:alert(1)) [b](data:text/html,x) [c](VBScript:msgbox) <b onclick="x()">bold?</b>'} />);
    expect(container.querySelectorAll('a')).toHaveLength(0);
    expect(container.querySelectorAll('.cc-neutralised-link')).toHaveLength(3);
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toContain('<b onclick="x()">');
  });

  it('shows an image with a neutralised URL as its alt text, and keeps an http image', () => {
    const { container } = render(<SafeMarkdown text={'![pwned](javascript:alert(1)) ![chart](https://example.com/chart.png)'} />);
    const images = [...container.querySelectorAll('img')];
    expect(images.map((image) => image.getAttribute('src'))).toEqual(['https://example.com/chart.png']);
    expect(container.textContent).toContain('[image: pwned]');
  });
});

describe('AnsiText', () => {
  it('turns SGR colours into styled spans and drops other escapes', () => {
    const { container } = render(<pre><AnsiText text={'\u001b[1;31mred bold\u001b[0m plain \u001b[32mgreen\u001b[0m'} /></pre>);
    const spans = [...container.querySelectorAll('span')];
    expect(spans.map((span) => span.textContent)).toEqual(['red bold', 'green']);
    expect(spans[0].style.fontWeight).toBe('bold');
    expect(spans[0].style.color).toMatch(/^rgb/);
    expect(container.textContent).toBe('red bold plain green');
  });
});
