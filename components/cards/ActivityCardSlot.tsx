import { memo } from 'react';
import { useCard } from '../../stores/hooks/useCard.js';
import { CardErrorBoundary } from './CardErrorBoundary.js';
import { cardFor } from './card-registry.js';

/** One card of a turn, selected narrowly by id, rendered by its registered component in a boundary. */
export const ActivityCardSlot = memo(function ActivityCardSlot({ turnId, itemId, live }: { turnId: string; itemId: string; live: boolean }) {
  const item = useCard(turnId, itemId);
  if (!item) return null;
  const Card = cardFor(item.kind);
  return (
    <CardErrorBoundary item={item}>
      <Card turnId={turnId} item={item} live={live} />
    </CardErrorBoundary>
  );
});
