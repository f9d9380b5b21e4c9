export { ApprovalInbox } from './ApprovalInbox.js';
export { ChatAlerts } from './ChatAlerts.js';
export { NotificationToggle } from '../notify/NotificationToggle.js';
