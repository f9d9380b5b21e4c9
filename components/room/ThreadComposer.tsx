import { useCallback, useMemo } from 'react';
import { NEW_THREAD_DRAFT_KEY } from '../../stores/chat/index.js';
import { useTurn } from '../../stores/hooks/useTurn.js';
import { useChat, useOpenChatStore, useRoomStore } from '../../stores/room/index.js';
import type { OutgoingMessage } from '../../stores/room/index.js';
import { useProjectAccess } from '../projects/project-access.js';
import { ViewerComposer } from '../projects/ViewerComposer.js';
import { Composer } from './Composer.js';
import { useLatestTurnId } from './useLatestTurnId.js';

/** The composer of a thread (or, with threadKey null, of a new thread), wired to the stores; a project viewer's is disabled. */
export function ThreadComposer({ threadKey, acceptsImages }: { threadKey: string | null; acceptsImages?: boolean }) {
  const { canWrite } = useProjectAccess();
  return canWrite ? <WritableComposer threadKey={threadKey} acceptsImages={acceptsImages} /> : <ViewerComposer />;
}

function WritableComposer({ threadKey, acceptsImages }: { threadKey: string | null; acceptsImages?: boolean }) {
  const room = useRoomStore();
  const chat = useOpenChatStore();
  const draft = useChat((state) => state.drafts[threadKey ?? NEW_THREAD_DRAFT_KEY]);
  // The agent's slash commands come with each turn; the newest turn of the thread has them.
  const turnCommands = useTurn(useLatestTurnId(threadKey))?.availableCommands;
  const commands = useMemo(() => (turnCommands ?? []).map((command) => ({ value: command.name, label: `/${command.name}`, description: command.description })), [turnCommands]);
  const onDraftChange = useCallback(
    (text: string) => (text === '' ? chat?.actions.clearDraft(threadKey) : chat?.actions.setDraft(threadKey, text)),
    [chat, threadKey],
  );
  const onSend = useCallback((message: OutgoingMessage) => void room.getState().sendMessage(threadKey, message), [room, threadKey]);
  const searchFiles = useCallback((query: string) => room.getState().searchFiles(query), [room]);
  return <Composer key={threadKey ?? NEW_THREAD_DRAFT_KEY} draft={draft} onDraftChange={onDraftChange} onSend={onSend} commands={commands} searchFiles={searchFiles} acceptsImages={acceptsImages} />;
}
