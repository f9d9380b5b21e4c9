export { createSessionStore } from './create-session-store.js';
export type { SessionStore } from './create-session-store.js';
export type { AuthenticateResult, SessionSeed, SessionStoreState } from './session-store-types.js';
export { configChoices, currentConfigValue, findConfigOption } from './config-options.js';
export type { ConfigChoice } from './config-options.js';
export { BUILT_IN_MODELS, BUILT_IN_REASONING, selectSessionChoices } from './session-choices.js';
export type { SessionChoices } from './session-choices.js';
export { validateSessionConfig } from './validate-session-config.js';
export type { SessionConfigProblems } from './validate-session-config.js';
