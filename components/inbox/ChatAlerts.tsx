import { Flex } from 'antd';
import { NotificationToggle } from '../notify/NotificationToggle.js';
import { useTurnNotifier } from '../notify/useTurnNotifier.js';
import { ApprovalInbox } from './ApprovalInbox.js';

/** The chat header's alerts: the approval inbox button, the notification bell, and the notifier itself. */
export function ChatAlerts() {
  useTurnNotifier();
  return (
    <Flex align="center" gap={4}>
      <ApprovalInbox />
      <NotificationToggle />
    </Flex>
  );
}
