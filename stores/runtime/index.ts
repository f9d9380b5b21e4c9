export { createCodexRuntime } from './create-codex-runtime.js';
export type { CodexRuntime, CodexRuntimeOptions, CodexStores } from './create-codex-runtime.js';
export type { CardOverrides, CardProps } from './card-overrides.js';
export { capabilitiesOf } from './capabilities-of.js';
export { createOfflineApi } from './offline-api.js';
