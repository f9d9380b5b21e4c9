import { useNow } from '../../stores/hooks/useNow.js';
import { useTurn } from '../../stores/hooks/useTurn.js';
import { InterruptControl } from '../turn/InterruptControl.js';
import { useLatestTurnId } from './useLatestTurnId.js';

/**
 * The running turn's Interrupt control in the thread's title bar, so it stays in reach while the
 * reader follows a long turn whose own header scrolled out of view.
 */
export function ThreadInterrupt({ threadKey }: { threadKey: string }) {
  const turnId = useLatestTurnId(threadKey);
  const startedAt = useTurn(turnId)?.startedAt ?? null;
  const now = useNow(startedAt !== null);
  if (!turnId) return null;
  return <InterruptControl turnId={turnId} elapsedMs={startedAt === null ? 0 : now - startedAt} />;
}
