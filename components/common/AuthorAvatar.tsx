// Saturated enough for white initials to pass WCAG AA (4.5:1) on every one.
const COLOURS = ['#1f5fbf', '#1d7a4a', '#a8430c', '#7a3fb0', '#b02a5b', '#0f6f80', '#6b5a00', '#a12626'];

/** "Ada Lovelace" -> "AL", "hal" -> "H", "codex-acp" -> "CA"; a parenthetical like " (you)" is left out. */
export function authorInitials(name: string): string {
  const words = name.replace(/\s*\(.*\)\s*$/, '').split(/[\s._-]+/).filter(Boolean);
  const letters = words.length > 1 ? words[0][0] + words[words.length - 1][0] : (words[0]?.[0] ?? '?');
  return letters.toUpperCase();
}

/** A stable colour per author id, so the same person keeps the same colour in every chat. */
export function authorColour(id: string): string {
  let hash = 0;
  for (let index = 0; index < id.length; index += 1) hash = (hash * 31 + id.charCodeAt(index)) >>> 0;
  return COLOURS[hash % COLOURS.length];
}

/**
 * An author's avatar: initials on a colour derived from their id; the full name in the (native)
 * tooltip. A plain element on purpose: it sits in every message row, and antd's Avatar measures its
 * text on mount (a forced layout per row) and its Tooltip adds a component per row, for a circle of
 * fixed size whose initials always fit.
 */
export function AuthorAvatar({ id, name, size = 24 }: { id: string; name: string; size?: number }) {
  const colour = authorColour(id);
  return (
    // Decorative: the name is always written beside it, so screen readers skip the initials.
    <span
      className="cc-author-avatar"
      aria-hidden="true"
      title={name}
      data-colour={colour}
      style={{ width: size, height: size, lineHeight: `${size}px`, fontSize: size * 0.45, background: colour, ...AVATAR_STYLE }}
    >
      {authorInitials(name)}
    </span>
  );
}

const AVATAR_STYLE = { display: 'inline-block', flex: 'none', borderRadius: '50%', color: '#fff', textAlign: 'center', whiteSpace: 'nowrap', overflow: 'hidden', userSelect: 'none' } as const;
