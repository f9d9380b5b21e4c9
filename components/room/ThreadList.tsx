import { Empty, Typography } from 'antd';
import { useMemo } from 'react';
import { selectThreadSections } from '../../stores/chat/index.js';
import type { ThreadSection } from '../../stores/chat/index.js';
import { useChat, useOpenChatStore, useRoom, useRoomStore } from '../../stores/room/index.js';
import { ThreadListItem } from './ThreadListItem.js';
import type { ThreadActions } from './ThreadListItem.js';
import { useMinuteClock } from './useMinuteClock.js';
import { useRenderLimit } from './useRenderLimit.js';

/** The sections cut to their first `limit` threads in all (empty sections left out). */
function firstThreads(sections: ThreadSection[], limit: number): ThreadSection[] {
  const shown: ThreadSection[] = [];
  let budget = limit;
  for (const section of sections) {
    if (budget <= 0) break;
    shown.push(section.threads.length <= budget ? section : { ...section, threads: section.threads.slice(0, budget) });
    budget -= section.threads.length;
  }
  return shown;
}

/** The open chat's threads in sections: pinned, today, yesterday, last 7 days, older (rendered in steps, see useRenderLimit). */
export function ThreadList() {
  const room = useRoomStore();
  const chat = useOpenChatStore();
  const now = useMinuteClock();
  const sections = useChat((state) => selectThreadSections(state, now));
  const selected = useRoom((state) => state.selectedThreadKey);
  const countsLoading = useChat((state) => state.loading);
  const actions = useMemo<ThreadActions>(
    () => ({
      onSelect: (key) => room.getState().selectThread(key),
      onRename: (key, name) => chat?.actions.renameThread(key, name),
      onPin: (key, pinned) => chat?.actions.setPinned(key, pinned),
      onFold: (key, folded) => chat?.actions.setFolded(key, folded),
      onDelete: (key) => void room.getState().deleteThread(key),
    }),
    [room, chat],
  );
  const limit = useRenderLimit(sections.reduce((sum, section) => sum + section.threads.length, 0));
  if (sections.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="No threads yet" />;
  const shown = firstThreads(sections, limit);
  return (
    <nav aria-label="Threads">
      {shown.map((section) => (
        <section key={section.key} aria-label={section.title}>
          <Typography.Text type="secondary" style={{ fontSize: 12, textTransform: 'uppercase' }}>
            {section.title}
          </Typography.Text>
          <ul style={{ listStyle: 'none', margin: '2px 0 10px', padding: 0 }}>
            {section.threads.map((thread) => (
              <ThreadListItem key={thread.key} thread={thread} selected={thread.key === selected} actions={actions} countsLoading={countsLoading} />
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
