import { PushpinFilled } from '@ant-design/icons';
import { Badge, Input, Modal, Tag } from 'antd';
import { memo, useState } from 'react';
import './thread-list-item.css';
import type { ChatThread } from '../../stores/chat/index.js';
import { useThreadWaiting } from '../../stores/hooks/usePendingApprovals.js';
import { AgentBadge } from './AgentBadge.js';
import { ThreadMenuButton } from './ThreadMenuButton.js';

export type ThreadActions = {
  onSelect: (threadKey: string) => void;
  onRename: (threadKey: string, name: string) => void;
  onPin: (threadKey: string, pinned: boolean) => void;
  onFold: (threadKey: string, folded: boolean) => void;
  onDelete: (threadKey: string) => void;
};

// The label truncated by CSS alone: antd's Typography ellipsis measures each row (a resize observer
// and extra renders), which cost most of the sidebar's render with hundreds of threads.
// Plain flex rows, not antd's Flex: two per sidebar row, 24 rows on the first screen of a big chat.
const ROW_STYLE = { display: 'flex', alignItems: 'center', gap: 4 } as const;
const LINE_STYLE = { display: 'flex', alignItems: 'center', gap: 6 } as const;
const LABEL_STYLE: React.CSSProperties = { flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' };

/**
 * One thread in the sidebar: label, unread count, agent badge, live dot, "Waiting" for an approval,
 * and its actions menu. `countsLoading`: the chat is still arriving (ChatState.loading), so the
 * unread count is a lower bound and is not shown yet (bold still tells there is something unread). Memoized: a thread keeps its summary object while it does not change, so a
 * change elsewhere in the chat does not re-render every row.
 */
export const ThreadListItem = memo(function ThreadListItem({ thread, selected, actions, countsLoading = false }: { thread: ChatThread; selected: boolean; actions: ThreadActions; countsLoading?: boolean }) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(thread.label);
  const waiting = useThreadWaiting(thread.key);
  const menu = [
    { key: 'rename', label: 'Rename' },
    { key: 'pin', label: thread.pinned ? 'Unpin' : 'Pin' },
    { key: 'fold', label: thread.folded ? 'Unfold' : 'Fold' },
    { key: 'delete', label: 'Delete', danger: true },
  ];
  const onMenu = (key: string) => {
    if (key === 'rename') {
      setName(thread.label);
      setRenaming(true);
    } else if (key === 'pin') actions.onPin(thread.key, !thread.pinned);
    else if (key === 'fold') actions.onFold(thread.key, !thread.folded);
    else if (key === 'delete') {
      Modal.confirm({
        title: `Delete "${thread.label}"?`,
        content: 'Its messages and its agent logs are removed for everyone.',
        okText: 'Delete',
        okButtonProps: { danger: true },
        onOk: () => actions.onDelete(thread.key),
      });
    }
  };
  if (renaming) {
    const commit = () => {
      actions.onRename(thread.key, name.trim());
      setRenaming(false);
    };
    return (
      <li className="cc-thread-item">
        <Input size="small" aria-label="Thread name" autoFocus value={name} onChange={(event) => setName(event.target.value)} onPressEnter={commit} onBlur={commit} onKeyDown={(event) => event.key === 'Escape' && setRenaming(false)} />
      </li>
    );
  }
  return (
    <li className="cc-thread-item" data-selected={selected} style={{ opacity: thread.folded ? 0.6 : 1, background: selected ? 'rgba(22,119,255,0.10)' : undefined, borderRadius: 6 }}>
      <div style={ROW_STYLE}>
        <button
          type="button"
          className="cc-thread-button"
          aria-current={selected ? 'true' : undefined}
          onClick={() => actions.onSelect(thread.key)}
          style={{ flex: 1, minWidth: 0, textAlign: 'left', background: 'none', border: 0, padding: '4px 6px', cursor: 'pointer', color: 'inherit', font: 'inherit' }}
        >
          <span style={LINE_STYLE}>
            {thread.pinned && <PushpinFilled aria-label="pinned" />}
            {thread.running && <Badge status="processing" aria-label="agent working" title="The agent is working" />}
            <span style={thread.unreadCount > 0 ? { ...LABEL_STYLE, fontWeight: 600 } : LABEL_STYLE}>{thread.label}</span>
            {waiting && <Tag color="orange" aria-label="waiting for your approval" style={{ marginInlineEnd: 0 }}>Waiting</Tag>}
            {thread.isAgent && <AgentBadge agent={thread.agent} />}
            {thread.unreadCount > 0 && !countsLoading && (
              <span className="cc-unread-count" aria-label={`${thread.unreadCount} unread`}>
                {thread.unreadCount > 99 ? '99+' : thread.unreadCount}
              </span>
            )}
          </span>
        </button>
        <ThreadMenuButton label={thread.label} items={menu} onPick={onMenu} />
      </div>
    </li>
  );
});
