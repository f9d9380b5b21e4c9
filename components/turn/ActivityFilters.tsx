import { Button } from 'antd';
import { useTurnFilters } from '../../stores/hooks/useTurnFilters.js';
import { ACTIVITY_FILTERS } from '../../stores/view/index.js';

const LABEL = { reasoning: 'Reasoning', commands: 'Commands', edits: 'Edits', errors: 'Errors' } as const;

/** Toggle buttons (aria-pressed) that narrow the activity to reasoning / commands / edits / errors. */
export function ActivityFilters({ turnId }: { turnId: string }) {
  const { filters, toggle, clear } = useTurnFilters(turnId);
  return (
    <div role="toolbar" aria-label="Activity filters" style={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
      {ACTIVITY_FILTERS.map((filter) => {
        const pressed = filters.includes(filter);
        return (
          <Button key={filter} size="small" type={pressed ? 'primary' : 'default'} aria-pressed={pressed} onClick={() => toggle(filter)}>
            {LABEL[filter]}
          </Button>
        );
      })}
      {filters.length > 0 ? (
        <Button size="small" type="link" onClick={clear}>
          Show all
        </Button>
      ) : null}
    </div>
  );
}
