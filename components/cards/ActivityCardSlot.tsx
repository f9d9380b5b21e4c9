import { memo } from 'react';
import { useCard } from '../../stores/hooks/useCard.js';
import { useCodexRuntime } from '../../stores/provider.js';
import { CardErrorBoundary } from './CardErrorBoundary.js';
import { cardFor } from './card-registry.js';

/** One card of a turn, selected narrowly by id, rendered by its card (the runtime's override or the built-in) in a boundary. */
export const ActivityCardSlot = memo(function ActivityCardSlot({ turnId, itemId, live }: { turnId: string; itemId: string; live: boolean }) {
  const item = useCard(turnId, itemId);
  const { cards } = useCodexRuntime();
  if (!item) return null;
  const Card = cardFor(item.kind, cards);
  return (
    // data-item-id: the thread search finds a match's card by it (display: contents, no box of its own).
    <div data-item-id={itemId} style={{ display: 'contents' }}>
      <CardErrorBoundary item={item}>
        <Card turnId={turnId} item={item} live={live} />
      </CardErrorBoundary>
    </div>
  );
});
