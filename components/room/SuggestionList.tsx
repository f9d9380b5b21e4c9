export type Suggestion = { value: string; label: string; description?: string };

export type SuggestionListProps = {
  id: string;
  label: string;
  suggestions: Suggestion[];
  activeIndex: number;
  /** A one-line note under the options (e.g. the file search covers only part of a huge workspace). */
  note?: string;
  onPick: (value: string) => void;
};

/**
 * The slash-command / file-mention popup above the composer (a listbox driven by the textarea), with
 * an optional note under it (outside the listbox: it is not an option).
 */
export function SuggestionList({ id, label, suggestions, activeIndex, onPick, note }: SuggestionListProps) {
  if (suggestions.length === 0 && !note) return null;
  return (
    <div className="cc-suggestions" style={BOX_STYLE}>
      <ul id={id} role="listbox" aria-label={label} style={LIST_STYLE}>
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
            {suggestion.description && <span style={{ opacity: 0.75 }}> {suggestion.description}</span>}
          </li>
        ))}
      </ul>
      {note && (
        <div role="note" className="cc-suggestions-note" style={{ padding: '4px 8px', fontSize: 12, opacity: 0.75 }}>
          {note}
        </div>
      )}
    </div>
  );
}

const LIST_STYLE = { listStyle: 'none', margin: 0, padding: 0, maxHeight: 220, overflowY: 'auto' } as const;

const BOX_STYLE = {
  padding: 4,
  border: '1px solid rgba(0,0,0,0.15)',
  borderRadius: 6,
  background: 'var(--cc-surface, #fff)',
} as const;
