import { useEffect, useRef } from 'react';
import { selectMessage } from '../../stores/chat/index.js';
import type { ChatStore } from '../../stores/chat/index.js';
import { usePendingApprovals, useRunningTurns } from '../../stores/hooks/usePendingApprovals.js';
import { useOpenChatStore, useRoomStore } from '../../stores/room/index.js';
import { desktopNotificationsOn } from './notification-setting.js';
import { alertedTitle } from './tab-title.js';
import { alertTitle, detectAlerts } from './turn-alerts.js';
import type { AlertSnapshot, TurnAlert } from './turn-alerts.js';

/**
 * While the page is hidden, tells the user when a turn of the open chat waits for an approval,
 * finishes or fails: the tab title counts the alerts ("(2) waiting · codex-chat", restored once the
 * page is visible again), and, when switched on, a desktop notification whose click focuses the
 * window and opens the thread. Needs the running turns watched (ApprovalInbox does it).
 */
export function useTurnNotifier(): void {
  const room = useRoomStore();
  const chat = useOpenChatStore();
  const running = useRunningTurns();
  const pending = usePendingApprovals();
  const last = useRef<{ chat: ChatStore | null } & AlertSnapshot>(null);
  const unseen = useRef<{ baseTitle: string; alerts: TurnAlert[] } | null>(null);

  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState !== 'visible' || !unseen.current) return;
      document.title = unseen.current.baseTitle;
      unseen.current = null;
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, []);

  useEffect(() => {
    const before = last.current;
    last.current = { chat, running, pending };
    // The first look, or another chat opened: what is there now is not news.
    if (!before || before.chat !== chat || !chat || document.visibilityState !== 'hidden') return;
    const alerts = detectAlerts(before, { running, pending }, (ref) => selectMessage(chat.getState(), ref.messageKey)?.acp_turn?.state);
    if (alerts.length === 0) return;
    unseen.current ??= { baseTitle: document.title, alerts: [] };
    unseen.current.alerts.push(...alerts);
    document.title = alertedTitle(unseen.current.baseTitle, unseen.current.alerts);
    if (!desktopNotificationsOn()) return;
    for (const alert of alerts) {
      const notification = new window.Notification(alertTitle(alert), { body: alert.detail, tag: `codex-chat:${alert.kind}:${alert.key}` });
      notification.onclick = () => {
        window.focus();
        room.getState().selectThread(alert.threadKey);
        notification.close();
      };
    }
  }, [room, chat, running, pending]);
}
