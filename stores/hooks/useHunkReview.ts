import { useCallback, useState } from 'react';
import { useCodexRuntime } from '../provider.js';

/** A discard the hub refused because the file changed since the agent's edit, with its text now. */
export type ReviewConflict = { message: string; currentText: string | null };

type ReviewState = { type: 'idle' } | { type: 'sending' } | { type: 'conflict'; conflict: ReviewConflict } | { type: 'failed'; error: string };

/**
 * Keep or discard hunks of one file of a turn's edit (`files.reviewHunks`). The decision itself
 * reaches the card as the turn's `review` event; this hook only holds the request: under way, the
 * refusal of a changed file (with its current text), or another error. It never throws.
 */
export function useHunkReview(turnId: string, itemId: string, file: string) {
  const { api } = useCodexRuntime();
  const [state, setState] = useState<ReviewState>({ type: 'idle' });
  const review = useCallback(
    async (hunks: number[], decision: 'keep' | 'discard') => {
      if (!api) return setState({ type: 'failed', error: 'Not connected to the hub.' });
      setState({ type: 'sending' });
      try {
        const result = await api.call('files.reviewHunks', { turnId, itemId, file, hunks, decision });
        setState(result.ok ? { type: 'idle' } : { type: 'conflict', conflict: { message: result.conflict, currentText: result.currentText } });
      } catch (error) {
        setState({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
      }
    },
    [api, turnId, itemId, file],
  );
  return {
    review,
    sending: state.type === 'sending',
    conflict: state.type === 'conflict' ? state.conflict : null,
    error: state.type === 'failed' ? state.error : null,
  };
}
