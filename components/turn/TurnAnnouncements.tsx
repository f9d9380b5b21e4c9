import type { TurnView } from '../../src/activity/index.js';
import { isTurnEnded } from '../../src/activity/index.js';

const VISUALLY_HIDDEN = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

const ENDING: Record<string, string> = {
  completed: 'Turn ended.',
  cancelled: 'Turn stopped.',
  failed: 'Turn failed.',
  interrupted: 'Turn interrupted.',
};

/** The lines a screen reader hears: a turn starting and ending, never each streamed token. */
export function TurnAnnouncements({ view }: { view: TurnView | undefined }) {
  const started = view?.startedAt != null;
  const ended = isTurnEnded(view);
  return (
    <div style={VISUALLY_HIDDEN}>
      {started ? <p>Turn started.</p> : null}
      {ended && view?.state ? <p>{ENDING[view.state] ?? 'Turn ended.'}</p> : null}
    </div>
  );
}
