import type { TurnView } from '../../src/activity/index.js';
import type { InterruptRequest } from './turn-store-types.js';

/**
 * What the Interrupt control shows. idle: offer the button; stopping: asked, not yet confirmed;
 * stopped / killed / failed / interrupted / completed: the outcome once the turn ended.
 */
export type InterruptPhase = 'idle' | 'stopping' | 'stopped' | 'killed' | 'failed' | 'interrupted' | 'completed' | 'not-started';

/** The interrupt phase from the turn's state and this client's own request (if any). */
export function selectInterruptPhase(view: TurnView | undefined, request: InterruptRequest | undefined): InterruptPhase {
  const state = view?.state ?? null;
  // The hub kills an agent that ignores session/cancel and says so on the result event.
  if (state === 'cancelled') return view?.killed ? 'killed' : 'stopped';
  if (state === 'failed') return 'failed';
  if (state === 'interrupted') return 'interrupted';
  if (state === 'completed') return 'completed';
  if (state === 'stopping') return 'stopping';
  if (request?.state === 'requested') return 'stopping';
  if (state === null || state === 'queued') return 'not-started';
  return 'idle';
}
