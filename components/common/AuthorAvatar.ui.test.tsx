import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { AuthorAvatar, authorColour, authorInitials } from './AuthorAvatar.js';

describe('AuthorAvatar', () => {
  it('shows initials: first and last word, one letter for one word, without a "(you)" mark', () => {
    expect(authorInitials('Ada Lovelace')).toBe('AL');
    expect(authorInitials('Grace Brewster Hopper')).toBe('GH');
    expect(authorInitials('hal (you)')).toBe('H');
    expect(authorInitials('codex-acp')).toBe('CA');
    expect(authorInitials('')).toBe('?');
  });

  it('gives each author id a stable colour, different ids usually different ones', () => {
    expect(authorColour('alice')).toBe(authorColour('alice'));
    const colours = new Set(['alice', 'bob', 'carol', 'dave', 'erin', 'frank'].map(authorColour));
    expect(colours.size).toBeGreaterThan(2);
  });

  it('renders the initials on the author\'s colour, hidden from screen readers (the name is beside it)', () => {
    const { container } = render(<AuthorAvatar id="alice" name="Ada Lovelace" />);
    const avatar = container.querySelector('.cc-author-avatar') as HTMLElement;
    expect(avatar).toHaveTextContent('AL');
    expect(avatar).toHaveAttribute('aria-hidden', 'true');
    expect(avatar).toHaveAttribute('data-colour', authorColour('alice'));
  });

  it('is a circle of the given size on that colour, with the full name as its tooltip', () => {
    const { container } = render(<AuthorAvatar id="bob" name="Bob Dylan" size={32} />);
    const avatar = container.querySelector('.cc-author-avatar') as HTMLElement;
    expect(avatar).toHaveAttribute('title', 'Bob Dylan');
    expect(avatar.style.width).toBe('32px');
    expect(avatar.style.height).toBe('32px');
    expect(avatar.style.borderRadius).toBe('50%');
    expect(avatar.style.background).toContain(hexToRgb(authorColour('bob')));
  });
});

function hexToRgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}
