import { CloseOutlined, DownOutlined, UpOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { ChatMessage } from '../../stores/chat/index.js';
import type { SearchMatch } from '../../stores/search/index.js';
import { SEARCH_HIGHLIGHT_CSS } from './highlight-ranges.js';
import { useRevealMatch } from './useRevealMatch.js';
import { useThreadSearchResult } from './useThreadSearchResult.js';
import { useWatchThreadTurns } from './useWatchThreadTurns.js';

export type ThreadSearchBarProps = {
  messages: readonly ChatMessage[];
  /** Brings message `index` into view (the virtualized list's scrollToIndex). */
  scrollTo: (index: number) => void;
  /** The list element whose rendered text is highlighted. */
  listRoot: () => Element | null;
  onClose: () => void;
  initialQuery?: string;
  /** Start at the first match in this message (a sidebar search hit); else at the newest match. */
  initialMessageKey?: string | null;
};

/**
 * Search in the thread: messages, answers and the turns' activity (commands, output, diffs,
 * reasoning). Enter / Shift+Enter (or F3 / Shift+F3) go to the next / previous match, Esc closes.
 */
export function ThreadSearchBar({ messages, scrollTo, listRoot, onClose, initialQuery = '', initialMessageKey = null }: ThreadSearchBarProps) {
  const [query, setQuery] = useState(initialQuery);
  // The match the reader moved to; none yet: the sidebar hit's message, else the newest match.
  const [chosen, setChosen] = useState<number | null>(null);
  useWatchThreadTurns(messages);
  const result = useThreadSearchResult(messages, query);
  const count = result?.matches.length ?? 0;
  const position = !result || count === 0 ? null : chosen !== null && chosen < count ? chosen : startAt(result.matches, initialMessageKey);
  const current = result && position !== null ? (result.matches[position] ?? null) : null;
  const matchKey = current ? `${current.messageKey}\u0000${current.source.kind === 'item' ? current.source.itemId : ''}\u0000${current.ordinal}` : null;
  // The same match in a re-run result (a streaming turn, a turn view loaded) must not scroll back to it.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const match = useMemo(() => current, [matchKey]);
  useRevealMatch(match, query.trim(), scrollTo, listRoot);

  const step = (delta: number) => {
    if (position !== null) setChosen((position + delta + count) % count);
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') onClose();
    else if (event.key === 'Enter' || event.key === 'F3') step(event.shiftKey ? -1 : 1);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
  const status = query.trim() === '' ? '' : !result ? 'Searching…' : count === 0 ? 'No matches' : `${(position ?? 0) + 1} of ${count.toLocaleString('en')}${result.truncated ? '+' : ''}`;
  return (
    <Flex role="search" aria-label="Search in thread" gap={6} align="center" className="cc-thread-search" style={{ padding: '4px 16px' }} onKeyDown={onKeyDown}>
      <style>{SEARCH_HIGHLIGHT_CSS}</style>
      <Input
        autoFocus
        size="small"
        allowClear
        aria-label="Search in thread"
        placeholder="Search messages, commands, output, diffs, reasoning"
        value={query}
        onChange={(event) => {
          setChosen(null);
          setQuery(event.target.value);
        }}
        style={{ maxWidth: 360 }}
      />
      <Typography.Text type="secondary" aria-live="polite" aria-label="Search matches" style={{ minWidth: 80, fontSize: 12 }}>
        {status}
      </Typography.Text>
      <Button size="small" type="text" icon={<UpOutlined />} aria-label="Previous match" disabled={count === 0} onClick={() => step(-1)} />
      <Button size="small" type="text" icon={<DownOutlined />} aria-label="Next match" disabled={count === 0} onClick={() => step(1)} />
      <Button size="small" type="text" icon={<CloseOutlined />} aria-label="Close search" onClick={onClose} />
    </Flex>
  );
}

function startAt(matches: readonly SearchMatch[], messageKey: string | null): number {
  const found = messageKey === null ? -1 : matches.findIndex((match) => match.messageKey === messageKey);
  return found >= 0 ? found : matches.length - 1;
}
