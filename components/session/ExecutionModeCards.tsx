import { WarningOutlined } from '@ant-design/icons';
import { SESSION_MODES } from '../../src/protocol/index.js';
import type { SessionMode } from '../../src/protocol/index.js';
import { MODE_LOOK } from './mode-labels.js';

type ExecutionModeCardsProps = {
  value: SessionMode | '';
  onChange: (mode: SessionMode) => void;
  /** Why the agent's sandbox cannot start on the hub's machine (agents.list `sandbox.reason`), if it cannot. */
  sandboxProblem?: string;
};

/**
 * The three execution modes as selectable cards (a radio group); full access in red with a warning.
 * When the agent's sandbox cannot start here, the two sandboxed modes say so before the user picks one.
 */
export function ExecutionModeCards({ value, onChange, sandboxProblem }: ExecutionModeCardsProps) {
  return (
    <div role="radiogroup" aria-label="Execution mode" style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 8 }}>
      {SESSION_MODES.map((mode) => {
        const look = MODE_LOOK[mode];
        const checked = value === mode;
        const colour = look.danger ? '#cf1322' : '#1677ff';
        return (
          <button
            key={mode}
            type="button"
            role="radio"
            aria-checked={checked}
            data-mode={mode}
            onClick={() => onChange(mode)}
            style={{ textAlign: 'left', padding: 8, borderRadius: 6, cursor: 'pointer', background: checked ? (look.danger ? 'rgba(255,77,79,0.1)' : 'rgba(22,119,255,0.1)') : 'transparent', color: 'inherit', border: `${checked ? 2 : 1}px solid ${checked || look.danger ? colour : '#d9d9d9'}`, font: 'inherit' }}
          >
            <strong style={{ color: look.danger ? colour : undefined }}>{look.label}</strong>
            <div style={{ fontSize: 12 }}>{look.description}</div>
            {look.danger ? (
              <div style={{ color: colour, fontSize: 12, marginTop: 4 }}>
                <WarningOutlined /> Only for a throwaway machine or a workspace you fully trust.
              </div>
            ) : null}
            {!look.danger && sandboxProblem !== undefined ? (
              <div role="note" style={{ color: '#ad6800', fontSize: 12, marginTop: 4 }}>
                <WarningOutlined /> Sandbox unavailable here: {sandboxProblem}. Commands in this mode will fail.
              </div>
            ) : null}
          </button>
        );
      })}
    </div>
  );
}
