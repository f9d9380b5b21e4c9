import { readFile, rm } from 'node:fs/promises';
import { z } from 'zod';
import { AcpApiError } from '../acp-api/index.js';
import { createTurnView, reduceTurnEvents, revertHunks } from '../activity/index.js';
import type { DiffFile } from '../activity/index.js';
import { ACP_API_ERROR_CODES, REVIEW_DECISIONS } from '../protocol/index.js';
import { writeFileAtomic } from './atomic-write.js';
import { isTurnLogDiscarded, isTurnLogRunning } from './discard-turn-logs.js';
import { checkParams } from './method-params.js';
import { isValidTurnId } from './turn-log-store.js';
import type { MethodHandlers, TurnLogStore } from './types.js';
import { resolveWorkspacePath } from './workspace-paths.js';

const ReviewParams = z.object({
  path: z.string().optional(),
  threadKey: z.string().min(1).optional(),
  turnId: z.string().refine(isValidTurnId, { message: 'not a valid turn id' }),
  itemId: z.string().min(1).max(1_000),
  file: z.string(),
  hunks: z.array(z.number().int().nonnegative()).min(1).max(10_000),
  decision: z.enum(REVIEW_DECISIONS),
});

const METHOD = 'files.reviewHunks';

/**
 * files.reviewHunks: keep or discard hunks of one file of an agent's edit, recorded on the turn as
 * a `review` event (by the calling account). Discard recomputes the edit's hunks from the turn
 * log's recorded old/new text (the one fileDiff), checks the file still has the agent's text there
 * and writes the old text back; a file changed since then is refused with its current text, never
 * overwritten. The file must resolve inside the workspace (symlinks included).
 */
export function createReviewMethods(root: string, turnLogs: TurnLogStore): MethodHandlers {
  // One review at a time per file: read, check and write must not interleave.
  const chains = new Map<string, Promise<unknown>>();
  function serialized<T>(key: string, run: () => Promise<T>): Promise<T> {
    const next = (chains.get(key) ?? Promise.resolve()).then(run, run);
    const settled = next.catch(() => undefined);
    chains.set(key, settled);
    void settled.then(() => chains.get(key) === settled && chains.delete(key));
    return next;
  }

  return {
    [METHOD]: async (params, context) => {
      const request = checkParams(METHOD, ReviewParams, params);
      const chat = request.path === undefined ? undefined : resolveWorkspacePath(root, request.path, { extension: '.chat' }).relative;
      const target = resolveWorkspacePath(root, request.file);
      const meta = turnLogs.meta(request.turnId);
      const otherChat = chat !== undefined && meta?.path !== chat && meta?.path !== request.path;
      if (!meta || otherChat || (request.threadKey !== undefined && meta.threadKey !== request.threadKey)) {
        throw AcpApiError.notFound(`${METHOD}: no turn ${JSON.stringify(request.turnId)} in this thread`);
      }
      if (isTurnLogDiscarded(turnLogs, request.turnId)) throw AcpApiError.notFound(`${METHOD}: the activity log of this turn was deleted; its edits can no longer be reviewed`);
      if (isTurnLogRunning(turnLogs, request.turnId)) {
        throw new AcpApiError(ACP_API_ERROR_CODES.conflict, `${METHOD}: the turn is still running; review its edits when it has ended`);
      }
      const file = editedFile(turnLogs, request.turnId, request.itemId, target.relative);
      return serialized(target.absolute, async () => {
        if (request.decision === 'discard') {
          const currentText = await readText(target.absolute);
          const reverted = revertHunks(file.oldText, file.newText, currentText, request.hunks);
          if ('conflict' in reverted) return { ok: false as const, conflict: reverted.conflict, currentText };
          if (reverted.text === null) await rm(target.absolute, { force: true });
          else await writeFileAtomic(target.absolute, reverted.text);
        }
        const { itemId, hunks, decision } = request;
        const now = new Date();
        turnLogs.append(request.turnId, { type: 'review', t: now.getTime(), itemId, file: file.path, hunks, decision, decidedBy: context.accountId, decidedAt: now.toISOString() });
        return { ok: true as const };
      });
    },
  };
}

/** The file of the turn's diff item as the turn log recorded it (the agent's old and new text). */
function editedFile(turnLogs: TurnLogStore, turnId: string, itemId: string, relative: string): DiffFile {
  const view = reduceTurnEvents(createTurnView(), turnLogs.read(turnId));
  const item = view.items[itemId];
  if (item?.kind !== 'diff') throw AcpApiError.notFound(`${METHOD}: the turn has no edit ${JSON.stringify(itemId)}`);
  const file = item.files.find((candidate) => candidate.path === relative);
  if (!file) throw AcpApiError.notFound(`${METHOD}: the edit ${JSON.stringify(itemId)} did not change ${JSON.stringify(relative)}`);
  return file;
}

async function readText(absolute: string): Promise<string | null> {
  try {
    return await readFile(absolute, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
