export { createSessionStore } from './create-session-store.js';
export type { SessionStore } from './create-session-store.js';
export type { AuthenticateResult, SessionSeed, SessionStoreState } from './session-store-types.js';
export { configChoices, currentConfigValue, findConfigOption } from './config-options.js';
export type { ConfigChoice } from './config-options.js';
