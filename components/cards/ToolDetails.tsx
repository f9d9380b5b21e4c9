import type { ToolItem } from '../../src/activity/index.js';
import { RawJson } from '../common/RawJson.js';

/** The body shared by tool-like cards: locations, reported text, raw input and output. */
export function ToolDetails({ item, showRaw }: { item: ToolItem; showRaw: boolean }) {
  return (
    <div className="cc-tool-details">
      {item.locations.length > 0 ? (
        <ul aria-label="Locations" style={{ margin: 0, paddingLeft: 18 }}>
          {item.locations.map((location, index) => (
            <li key={index}>
              <code>{location.line != null ? `${location.path}:${location.line}` : location.path}</code>
            </li>
          ))}
        </ul>
      ) : null}
      {item.text ? <pre style={{ whiteSpace: 'pre-wrap', maxHeight: 240, overflow: 'auto', margin: '4px 0' }}>{item.text}</pre> : null}
      {showRaw && item.rawInput !== undefined ? (
        <>
          <div className="cc-muted">Input</div>
          <RawJson value={item.rawInput} label="Raw input" />
        </>
      ) : null}
      {showRaw && item.rawOutput !== undefined ? (
        <>
          <div className="cc-muted">Output</div>
          <RawJson value={item.rawOutput} label="Raw output" />
        </>
      ) : null}
    </div>
  );
}
