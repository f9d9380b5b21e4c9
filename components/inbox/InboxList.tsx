import { Empty } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { approvalKey } from '../../stores/turns/index.js';
import type { PendingApproval } from '../../stores/inbox/index.js';
import { useCodexStores } from '../../stores/provider.js';
import { InboxItem } from './InboxItem.js';
import { optionForKey } from './option-keys.js';

type InboxListProps = { approvals: readonly PendingApproval[]; onOpenThread: (threadKey: string) => void };

/**
 * The inbox's list, driven by keyboard: ↑/↓ choose an approval, the digit keys answer it with that
 * option (1 = the first), Enter opens its thread. It takes the focus when shown, so the keys work at once.
 */
export function InboxList({ approvals, onOpenThread }: InboxListProps) {
  const { turns } = useCodexStores();
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // The chosen approval, or the first when it was answered (or none was chosen yet).
  const activeIndex = Math.max(0, approvals.findIndex((approval) => approval.key === activeKey));
  const active = approvals[activeIndex];
  useEffect(() => listRef.current?.focus(), []);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (!active || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = (activeIndex + (event.key === 'ArrowDown' ? 1 : -1) + approvals.length) % approvals.length;
      setActiveKey(approvals[next].key);
    } else if (event.key === 'Enter' && event.target === event.currentTarget) {
      event.preventDefault();
      onOpenThread(active.threadKey);
    } else {
      const option = optionForKey(active.item.options, event.key);
      const request = turns.getState().approvals[approvalKey(active.turnId, active.item.requestId)];
      if (!option || (request && request.state !== 'failed')) return;
      event.preventDefault();
      void turns.getState().respondToApproval(active.turnId, active.item.requestId, option.optionId);
    }
  };

  if (approvals.length === 0) return <Empty description="Nothing waits for your approval" />;
  return (
    <ul
      ref={listRef}
      tabIndex={0}
      aria-label="Pending approvals"
      onKeyDown={onKeyDown}
      style={{ display: 'flex', flexDirection: 'column', gap: 8, padding: 0, margin: 0, outline: 'none' }}
    >
      {approvals.map((approval) => (
        <InboxItem
          key={approval.key}
          approval={approval}
          active={approval === active}
          onActivate={() => setActiveKey(approval.key)}
          onOpenThread={() => onOpenThread(approval.threadKey)}
        />
      ))}
    </ul>
  );
}
