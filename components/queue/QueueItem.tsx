import { useState, type DragEvent, type KeyboardEvent } from 'react';
import { Button, Input, Space } from 'antd';
import type { QueuedTurn } from '../../src/protocol/index.js';
import { AccountAvatar } from '../people/AccountAvatar.js';

export type QueuePlanHandlers = {
  /** Absent when this account cannot change the queue (a project viewer). */
  onCancel?: (turnId: string) => Promise<boolean> | void;
  /** Present when the queue can be reordered (buttons, Alt+↑/↓, drag). */
  onMove?: (turnId: string, toIndex: number) => Promise<boolean> | void;
  onEdit?: (turnId: string, text: string) => Promise<boolean> | void;
  onSendNow?: (turnId: string) => Promise<boolean> | void;
};

type QueueItemProps = QueuePlanHandlers & {
  turn: QueuedTurn;
  /** Its index in the queue (0 = runs next) and the queue's length. */
  index: number;
  count: number;
  /** The turn being dragged, if any, and the drag's start / drop on this item. */
  onDragFrom: (turnId: string | null) => void;
  onDropOn: (index: number) => void;
  /** After a keyboard move the list puts the focus back on the moved item. */
  onKeyboardMove: (turnId: string) => void;
  /** Display names ("You", "Ann"): given, the item shows who queued it (and who last edited it). */
  nameOf?: (accountId: string) => string;
};

/** One queued message: its number, its text (editable in place) and its buttons. */
export function QueueItem({ turn, index, count, onCancel, onMove, onEdit, onSendNow, onDragFrom, onDropOn, onKeyboardMove, nameOf }: QueueItemProps) {
  const [busy, setBusy] = useState<string | null>(null);
  const [draft, setDraft] = useState<string | null>(null);
  // The plan's numbering (1 = next); `position` counts the running turn, so a paused, idle queue would start at 0.
  const number = index + 1;
  const act = async (what: string, action: () => Promise<boolean> | void) => {
    setBusy(what);
    try {
      return await action();
    } finally {
      setBusy(null);
    }
  };
  const move = (to: number) => {
    if (!onMove || to < 0 || to >= count) return;
    onKeyboardMove(turn.turnId);
    void act('move', () => onMove(turn.turnId, to));
  };
  const keyDown = (event: KeyboardEvent) => {
    if (event.target !== event.currentTarget || !event.altKey) return;
    if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'ArrowDown') move(index + 1);
    else return;
    event.preventDefault();
  };
  const save = async () => {
    if (!onEdit || draft === null || draft.trim() === '') return;
    if (draft === turn.text) return setDraft(null);
    const saved = await act('edit', () => onEdit(turn.turnId, draft));
    if (saved !== false) setDraft(null); // refused: keep the draft to retry or cancel
  };
  const drag = {
    draggable: onMove !== undefined && draft === null,
    onDragStart: (event: DragEvent) => {
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', turn.turnId);
      onDragFrom(turn.turnId);
    },
    onDragEnd: () => onDragFrom(null),
    onDragOver: (event: DragEvent) => event.preventDefault(),
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      onDropOn(index);
    },
  };
  return (
    <li data-turn-id={turn.turnId} tabIndex={onMove ? 0 : undefined} onKeyDown={keyDown} {...drag} className="cc-queue-item" style={{ display: 'flex', gap: 8, alignItems: 'center' }}
      aria-label={`Queued message ${number}`} aria-keyshortcuts={onMove ? 'Alt+ArrowUp Alt+ArrowDown' : undefined}>
      <span className="cc-queue-position">#{number}</span>
      {nameOf && <QueuedBy turn={turn} nameOf={nameOf} />}
      {draft === null ? (
        <span style={{ flex: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={turn.text}>{turn.text}</span>
      ) : (
        <Input.TextArea aria-label={`Edit queued message ${number}`} autoFocus autoSize={{ minRows: 1, maxRows: 6 }} style={{ flex: 1 }} value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setDraft(null);
            else if (event.key === 'Enter' && !event.shiftKey) {
              event.preventDefault();
              void save();
            }
          }} />
      )}
      <Space size={4}>
        {draft !== null ? (
          <>
            <Button size="small" type="primary" loading={busy === 'edit'} disabled={draft.trim() === ''} onClick={() => void save()} aria-label={`Save queued message ${number}`}>Save</Button>
            <Button size="small" onClick={() => setDraft(null)} aria-label={`Discard the edit of queued message ${number}`}>Discard</Button>
          </>
        ) : (
          <>
            {onMove && <Button size="small" disabled={index === 0} onClick={() => move(index - 1)} aria-label={`Move queued message ${number} up`}>↑</Button>}
            {onMove && <Button size="small" disabled={index === count - 1} onClick={() => move(index + 1)} aria-label={`Move queued message ${number} down`}>↓</Button>}
            {onEdit && <Button size="small" onClick={() => setDraft(turn.text)} aria-label={`Edit queued message ${number}`}>Edit</Button>}
            {onSendNow && <Button size="small" loading={busy === 'sendNow'} onClick={() => void act('sendNow', () => onSendNow(turn.turnId))} aria-label={`Send queued message ${number} now`}>Send now</Button>}
          </>
        )}
        {onCancel && <Button size="small" loading={busy === 'cancel'} onClick={() => void act('cancel', () => onCancel(turn.turnId))} aria-label={`Cancel queued message ${number}`}>Cancel</Button>}
      </Space>
    </li>
  );
}

/** Who queued the message (its avatar, "Queued by Ann" to screen readers and in the tooltip), and who edited it last. */
function QueuedBy({ turn, nameOf }: { turn: QueuedTurn; nameOf: (accountId: string) => string }) {
  const edited = turn.editedBy && turn.editedBy !== turn.accountId ? `, edited by ${nameOf(turn.editedBy)}` : '';
  const name = nameOf(turn.accountId);
  return <AccountAvatar accountId={turn.accountId} name={name} size={18} label={`Queued by ${name}${edited}`} />;
}
