// The multiuser hub: one process, project scopes created on first use, the role-checking router,
// member-only notifications, the whole HTTP side behind the login (issue 12).
export { startMultiuserHub, type MultiuserHub, type MultiuserHubOptions } from './multiuser-hub.js';
export { createDbSettingsStore } from './db-settings-store.js';
export { createMembership, type Membership } from './membership.js';
