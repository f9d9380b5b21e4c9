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
});
