export { ContextMeter } from './ContextMeter.js';
export { ExecutionModeCards } from './ExecutionModeCards.js';
export { SessionButton } from './SessionButton.js';
export { SessionConfigModal } from './SessionConfigModal.js';
export type { SessionConfigFormProps } from './SessionConfigForm.js';
export { SignInPanel } from './SignInPanel.js';
