import type { ChatFileInfo } from '../../src/protocol/index.js';

/** The most recently changed chat file of a listing (the hub lists them so, but a created one may come first). */
export function newestChatPath(files: readonly ChatFileInfo[] | null): string | null {
  let newest: ChatFileInfo | undefined;
  for (const file of files ?? []) if (!newest || file.modifiedAt > newest.modifiedAt) newest = file;
  return newest?.path ?? null;
}
