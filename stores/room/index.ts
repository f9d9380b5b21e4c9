export { exportFileName, exportThreadMarkdown } from './export-thread-markdown.js';
export type { ExportMode, ExportThreadInput } from './export-thread-markdown.js';
export { moveItem, selectAgentModels } from './select-agent-models.js';
export { PERMISSION_TIMEOUT_BOUNDS_MS, validateHubSettings } from './validate-hub-settings.js';
export type { SettingsProblem } from './validate-hub-settings.js';
