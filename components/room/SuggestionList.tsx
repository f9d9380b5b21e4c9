export type Suggestion = { value: string; label: string; description?: string };

export type SuggestionListProps = {
  id: string;
  label: string;
  suggestions: Suggestion[];
  activeIndex: number;
  onPick: (value: string) => void;
};

/** The slash-command / file-mention popup above the composer (a listbox driven by the textarea). */
export function SuggestionList({ id, label, suggestions, activeIndex, onPick }: SuggestionListProps) {
  if (suggestions.length === 0) return null;
  return (
    <ul id={id} role="listbox" aria-label={label} className="cc-suggestions" style={LIST_STYLE}>
      {suggestions.map((suggestion, index) => (
        <li
          key={suggestion.value}
          id={`${id}-${index}`}
          role="option"
          aria-selected={index === activeIndex}
          // mousedown, not click: the textarea keeps focus
          onMouseDown={(event) => {
            event.preventDefault();
            onPick(suggestion.value);
          }}
          style={{ padding: '4px 8px', cursor: 'pointer', background: index === activeIndex ? 'rgba(22,119,255,0.12)' : undefined }}
        >
          <strong>{suggestion.label}</strong>
          {suggestion.description && <span style={{ opacity: 0.7 }}> {suggestion.description}</span>}
        </li>
      ))}
    </ul>
  );
}

const LIST_STYLE = {
  listStyle: 'none',
  margin: 0,
  padding: 4,
  maxHeight: 220,
  overflowY: 'auto',
  border: '1px solid rgba(0,0,0,0.15)',
  borderRadius: 6,
  background: 'var(--cc-surface, #fff)',
} as const;
