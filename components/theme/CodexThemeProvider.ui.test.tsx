// The theme switch remembers the choice and 'system' follows prefers-color-scheme. jsdom lacks
// matchMedia: the system's scheme comes from stubMatchMedia (components/layout/testing), the one
// stand-in here; antd, diff2html and localStorage are the real ones.
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DiffHtml } from '../cards/DiffHtml.js';
import { stubMatchMedia, type MatchMediaStub } from '../layout/testing/stub-match-media.js';
import { CodexThemeProvider } from './CodexThemeProvider.js';
import { ThemeSwitch } from './ThemeSwitch.js';
import { PREFERS_DARK } from './theme-preference.js';

const PATCH = ['--- a/notes.md', '+++ b/notes.md', '@@ -1 +1 @@', '-old line', '+new line', ''].join('\n');
let media: MatchMediaStub;

function Page(props: Partial<Parameters<typeof CodexThemeProvider>[0]>) {
  return (
    <CodexThemeProvider {...props}>
      <ThemeSwitch />
      <DiffHtml patch={PATCH} layout="line-by-line" />
    </CodexThemeProvider>
  );
}

const themeRoot = () => document.querySelector('.cc-theme') as HTMLElement;
const option = (name: string) => screen.getByRole('radio', { name });
// antd hides the radio itself (pointer-events: none); people click its label.
const pick = (name: string) => option(name).closest('label') as HTMLElement;

beforeEach(() => {
  localStorage.clear();
  media = stubMatchMedia({ [PREFERS_DARK]: false });
});
afterEach(() => media.restore());

describe('CodexThemeProvider and ThemeSwitch', () => {
  it('follows the system scheme while the switch is on System, and the diff follows it', () => {
    render(<Page />);
    expect(option('System')).toBeChecked();
    expect(themeRoot()).toHaveAttribute('data-theme', 'light');
    expect(document.querySelector('.d2h-light-color-scheme')).not.toBeNull();
    act(() => media.set(PREFERS_DARK, true));
    expect(themeRoot()).toHaveAttribute('data-theme', 'dark');
    expect(themeRoot()).toHaveClass('cc-theme-dark');
    expect(themeRoot().style.getPropertyValue('--cc-terminal-background')).toBe('#0d1117');
    expect(document.querySelector('.d2h-dark-color-scheme')).not.toBeNull();
    act(() => media.set(PREFERS_DARK, false));
    expect(themeRoot()).toHaveAttribute('data-theme', 'light');
  });

  it('remembers a picked theme across a remount, whatever the system says', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<Page />);
    await user.click(pick('Dark'));
    expect(themeRoot()).toHaveAttribute('data-theme', 'dark');
    expect(localStorage.getItem('codex-chat:theme')).toBe('dark');
    unmount();

    render(<Page />);
    expect(option('Dark')).toBeChecked();
    expect(themeRoot()).toHaveAttribute('data-theme', 'dark');
    act(() => media.set(PREFERS_DARK, false));
    expect(themeRoot()).toHaveAttribute('data-theme', 'dark');
    await user.click(pick('Light'));
    expect(localStorage.getItem('codex-chat:theme')).toBe('light');
  });

  it('reads junk in storage as System', () => {
    localStorage.setItem('codex-chat:theme', '"><script>');
    media.set(PREFERS_DARK, true);
    render(<Page />);
    expect(option('System')).toBeChecked();
    expect(themeRoot()).toHaveAttribute('data-theme', 'dark');
  });

  it('leaves a host-held choice to the host: tells it, stores nothing', async () => {
    const user = userEvent.setup();
    const onPreferenceChange = vi.fn();
    render(<Page preference="light" onPreferenceChange={onPreferenceChange} />);
    await user.click(pick('Dark'));
    expect(onPreferenceChange).toHaveBeenCalledWith('dark');
    expect(localStorage.getItem('codex-chat:theme')).toBeNull();
    expect(themeRoot()).toHaveAttribute('data-theme', 'light');
  });

  it('paints the page only when asked to, and cleans up after itself', () => {
    localStorage.setItem('codex-chat:theme', 'dark');
    const { unmount } = render(<Page />);
    expect(document.documentElement).not.toHaveClass('cc-theme-dark');
    unmount();
    const painted = render(<Page applyToDocument />);
    expect(document.documentElement).toHaveClass('cc-theme-dark');
    expect(document.documentElement.style.getPropertyValue('--d2h-dark-bg-color')).toBe('#0d1117');
    painted.unmount();
    expect(document.documentElement).not.toHaveClass('cc-theme-dark');
    expect(document.documentElement.style.getPropertyValue('--d2h-dark-bg-color')).toBe('');
  });
});
