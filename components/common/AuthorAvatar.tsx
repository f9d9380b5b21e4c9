import { Avatar, Tooltip } from 'antd';

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

/** An author's avatar: initials on a colour derived from their id; the full name in a tooltip. */
export function AuthorAvatar({ id, name, size = 24 }: { id: string; name: string; size?: number }) {
  return (
    // Decorative: the name is always written beside it, so screen readers skip the initials.
    <Tooltip title={name}>
      <span className="cc-author-avatar" aria-hidden="true" data-colour={authorColour(id)}>
        <Avatar size={size} style={{ background: authorColour(id), color: '#fff', fontSize: size * 0.45, flex: 'none' }}>
          {authorInitials(name)}
        </Avatar>
      </span>
    </Tooltip>
  );
}
