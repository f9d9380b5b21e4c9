import { z } from 'zod';
import { resolveWorkspacePath } from '../workspace-paths.js';

/** A thread key: the root's date in ms since the epoch. */
const ThreadKey = z.string().regex(/^\d{1,15}$/, 'a thread key is the root date in ms since the epoch');
const TurnId = z.string().min(1).max(200);
const Text = z.object({ type: z.literal('text'), text: z.string() }).passthrough();
const Image = z.object({ type: z.literal('image'), data: z.string(), mimeType: z.string().min(1) }).passthrough();
const Audio = z.object({ type: z.literal('audio'), data: z.string(), mimeType: z.string().min(1) }).passthrough();
const ResourceLink = z.object({ type: z.literal('resource_link'), uri: z.string().min(1), name: z.string() }).passthrough();
const Resource = z.object({ type: z.literal('resource'), resource: z.object({ uri: z.string() }).passthrough() }).passthrough();
const PromptBlock = z.discriminatedUnion('type', [Text, Image, Audio, ResourceLink, Resource]);

const LAST_ROW_MS = Date.UTC(9999, 11, 31);
/**
 * A date a chat row can carry: the agent's row goes 1 ms after it, so a date at JavaScript's last
 * representable millisecond (year 275760) made the turn crash with no final status.
 */
function isRowDate(value: string): boolean {
  const ms = Date.parse(value);
  return ms >= 0 && ms <= LAST_ROW_MS;
}

export const SendParams = z.object({ path: z.string(), threadKey: ThreadKey, prompt: z.array(PromptBlock).min(1, 'a non-empty prompt is required').max(200), userDate: z.string().max(100).refine(isRowDate, 'userDate must be an ISO date between 1970 and 9999') });
export const TurnIdParams = z.object({ turnId: TurnId });
export const PathParams = z.object({ path: z.string() });
export const ThreadParams = z.object({ path: z.string(), threadKey: ThreadKey });
export const RespondParams = z.object({ turnId: TurnId, requestId: z.string().min(1), optionId: z.string().min(1) });
export const SetOptionParams = z.object({ path: z.string(), threadKey: ThreadKey, configId: z.string().min(1).max(200), value: z.union([z.string().max(10_000), z.number(), z.boolean()]) });
export const AuthenticateParams = z.object({ agent: z.string().min(1).max(200), methodId: z.string().min(1).max(200), apiKey: z.string().max(10_000).optional() });
export const NoParams = z.object({}).passthrough();
export const QueueMoveParams = z.object({ turnId: TurnId, toIndex: z.number().int().min(0).max(100_000) });
export const QueueEditParams = z.object({ turnId: TurnId, prompt: z.string().max(100_000).refine((text) => text.trim().length > 0, 'an edited message cannot be empty') });
export const QueuePauseParams = z.object({ path: z.string(), threadKey: ThreadKey, paused: z.boolean() });

/** The normalized workspace-relative path of a chat file (refused when it leaves the workspace). */
export function chatPath(root: string, requested: string): string {
  return resolveWorkspacePath(root, requested, { extension: '.chat' }).relative;
}
