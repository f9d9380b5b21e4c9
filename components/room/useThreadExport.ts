import { useCallback, useState } from 'react';
import { useCodexStores } from '../../stores/provider.js';
import { exportFileName, exportThreadMarkdown, loadTurnViews, useOpenChatStore } from '../../stores/room/index.js';
import type { ExportMode } from '../../stores/room/index.js';
import { selectThread, selectThreadMessages } from '../../stores/chat/index.js';
import { downloadText } from './download-text.js';

/** Exports a thread as Markdown and downloads it; "full" first loads every turn's activity. */
export function useThreadExport(threadKey: string, authorName: (senderId: string) => string) {
  const chat = useOpenChatStore();
  const { turns } = useCodexStores();
  const [busy, setBusy] = useState(false);
  const exportThread = useCallback(
    async (mode: ExportMode) => {
      if (!chat) return;
      setBusy(true);
      try {
        const state = chat.getState();
        const rows = [...selectThreadMessages(state, threadKey)];
        const title = selectThread(state, threadKey)?.label ?? 'thread';
        const turnIds = rows.flatMap((row) => (row.acp_turn?.id ? [row.acp_turn.id] : []));
        const turnView = mode === 'full' ? await loadTurnViews(turns, turnIds) : undefined;
        downloadText(exportFileName(title, mode), exportThreadMarkdown({ rows, mode, title, turnView, authorName }));
      } finally {
        setBusy(false);
      }
    },
    [chat, turns, threadKey, authorName],
  );
  return { exportThread, busy };
}
