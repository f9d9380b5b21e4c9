import { selectThreadMessages } from '../../stores/chat/index.js';
import { useChat } from '../../stores/room/index.js';

/** Id of the newest agent turn of a thread ('' when none): its view carries commands and options. */
export function useLatestTurnId(threadKey: string | null): string {
  return useChat((state) => {
    if (!threadKey) return '';
    const messages = selectThreadMessages(state, threadKey);
    for (let index = messages.length - 1; index >= 0; index -= 1) {
      const turnId = messages[index].acp_turn?.id;
      if (turnId) return turnId;
    }
    return '';
  });
}
