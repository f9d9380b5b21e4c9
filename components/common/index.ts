export { AnsiText } from './AnsiText.js';
export { CardHeader } from './CardHeader.js';
export { CardShell } from './CardShell.js';
export { formatElapsed, formatTime, formatTokens } from './format.js';
export { RawJson } from './RawJson.js';
export { SafeMarkdown } from './SafeMarkdown.js';
export { isHttpUrl, safeUrl } from './safe-url.js';
export { StatusTag } from './StatusTag.js';
