import { useCallback, useState } from 'react';
import { useStore } from 'zustand';
import { useCodexStores } from '../../stores/provider.js';

/** An open search: `key` remounts the bar for a new one; the query and message it starts at. */
export type ThreadSearchSession = { key: string; query: string; messageKey: string | null };

/**
 * Whether the thread's search bar is open: Ctrl/Cmd+F (or F3) inside the thread pane opens it (or
 * focuses it again); a sidebar search hit (the view store's searchRequest) opens it at its message.
 */
export function useThreadSearchOpen(threadKey: string) {
  const { view } = useCodexStores();
  const request = useStore(view, (state) => state.searchRequest);
  const [opened, setOpened] = useState<{ threadKey: string; count: number } | null>(null);
  let session: ThreadSearchSession | null = null;
  if (request?.threadKey === threadKey) session = { key: `hit\u0000${request.query}\u0000${request.messageKey}`, query: request.query, messageKey: request.messageKey };
  else if (opened?.threadKey === threadKey) session = { key: `own\u0000${opened.count}`, query: '', messageKey: null };
  const onKeyDown = useCallback(
    (event: React.KeyboardEvent<HTMLElement>) => {
      const find = (event.key === 'f' || event.key === 'F') && (event.ctrlKey || event.metaKey) && !event.altKey;
      if (!find && event.key !== 'F3') return;
      event.preventDefault();
      const input = event.currentTarget.querySelector<HTMLInputElement>('.cc-thread-search input');
      if (input) input.focus();
      else setOpened((previous) => ({ threadKey, count: (previous?.count ?? 0) + 1 }));
    },
    [threadKey],
  );
  const close = useCallback(() => {
    view.getState().requestSearch(null);
    setOpened(null);
  }, [view]);
  return { session, onKeyDown, close };
}
