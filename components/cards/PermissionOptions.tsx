import { Button } from 'antd';
import type { ButtonProps } from 'antd';
import type { PermissionOption } from '../../src/protocol/index.js';
import { ViewerNote } from '../projects/ViewerNote.js';
import { useProjectAccess } from '../projects/project-access.js';

const LOOK_OF_KIND: Record<string, ButtonProps> = {
  allow_once: { type: 'primary' },
  allow_always: { color: 'green', variant: 'solid' },
  reject_once: { danger: true },
  reject_always: { danger: true, type: 'primary' },
};

type PermissionOptionsProps = { options: PermissionOption[]; disabled: boolean; chosen: string | null; onSelect: (optionId: string) => void };

/**
 * One real button per option the agent offers, styled by kind; Tab reaches them, Enter/Space press.
 * A project viewer sees them disabled, with the viewer note.
 */
export function PermissionOptions({ options, disabled, chosen, onSelect }: PermissionOptionsProps) {
  const { canWrite } = useProjectAccess();
  return (
    <div role="group" aria-label="Approval options" style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
      {options.map((option) => (
        <Button
          key={option.optionId}
          {...(LOOK_OF_KIND[option.kind] ?? {})}
          data-kind={option.kind}
          disabled={disabled || !canWrite}
          loading={disabled && chosen === option.optionId}
          onClick={() => onSelect(option.optionId)}
        >
          {option.name}
        </Button>
      ))}
      <ViewerNote compact />
    </div>
  );
}
