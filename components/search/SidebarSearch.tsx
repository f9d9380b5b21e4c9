import { Input, Typography } from 'antd';
import { useDeferredValue, useMemo, useState } from 'react';
import { selectThreadList, selectThreadMessages } from '../../stores/chat/index.js';
import { useCodexStores } from '../../stores/provider.js';
import { useChat, useOpenChatStore, useRoomStore } from '../../stores/room/index.js';
import { searchChat } from '../../stores/search/index.js';
import type { ChatSearchHit } from '../../stores/search/index.js';

/**
 * Search across the open chat: thread names and message text. Shows the matching threads with a
 * snippet; picking one opens the thread with its search at the match.
 */
export function SidebarSearch() {
  const room = useRoomStore();
  const { view } = useCodexStores();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const chat = useOpenChatStore();
  // Subscribed to the threads and messages only; the search reads the state they belong to.
  const threads = useChat((state) => state.threads);
  const messages = useChat((state) => state.messages);
  const found = useMemo(() => {
    const state = chat?.getState();
    // Nothing typed, nothing to search: not even the thread list (a sort of every thread, on the first screen).
    if (!state || deferred.trim() === '' || threads !== state.threads || messages !== state.messages) return null;
    return searchChat({ threads: selectThreadList(state), messagesOf: (key) => selectThreadMessages(state, key), query: deferred });
  }, [chat, threads, messages, deferred]);
  const pick = (hit: ChatSearchHit) => {
    view.getState().requestSearch(hit.messageKey ? { threadKey: hit.threadKey, query: deferred.trim(), messageKey: hit.messageKey } : null);
    room.getState().selectThread(hit.threadKey);
  };
  return (
    <div className="cc-sidebar-search">
      <Input.Search size="small" allowClear aria-label="Search the chat" placeholder="Search threads and messages" value={query} onChange={(event) => setQuery(event.target.value)} />
      {found && deferred.trim() !== '' && (
        <ul aria-label="Search results" style={{ listStyle: 'none', margin: '4px 0', padding: 0 }}>
          {found.hits.length === 0 && <Typography.Text type="secondary">No thread matches.</Typography.Text>}
          {found.hits.map((hit) => (
            <li key={hit.threadKey}>
              <button type="button" className="cc-search-hit" onClick={() => pick(hit)} style={HIT_STYLE}>
                <Typography.Text strong ellipsis>{hit.label}</Typography.Text>
                {hit.snippet && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{hit.snippet}</Typography.Text>}
              </button>
            </li>
          ))}
          {found.truncated && <Typography.Text type="secondary">More threads match: refine the search.</Typography.Text>}
        </ul>
      )}
    </div>
  );
}

const HIT_STYLE = { display: 'block', width: '100%', textAlign: 'left', background: 'none', border: 0, padding: '4px 6px', cursor: 'pointer', borderRadius: 4 } as const;
