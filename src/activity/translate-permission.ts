// Reads a `permission` turn event (its toolCall and options are ACP shapes) into our vocabulary.
import type { PermissionOption, PermissionState } from '../protocol/index.js';
import { PERMISSION_STATES } from '../protocol/index.js';
import { asArray, asRecord, asString, describeValue } from './read-wire.js';
import { translateToolCall } from './translate-tool-call.js';
import type { ToolCallPatch } from './translated-update.js';

/** A permission request or decision, read defensively. */
export type PermissionChange = {
  requestId: string;
  state: PermissionState;
  options: PermissionOption[];
  optionId: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  toolCall: Record<string, unknown>;
  /** The referenced tool call, when the request names one. */
  patch: ToolCallPatch | null;
  command: string | null;
};

/** Reads a permission event, or returns the reason it cannot be applied. */
export function translatePermission(event: Record<string, unknown>): PermissionChange | { problem: string } {
  const requestId = asString(event.requestId);
  if (requestId === null) return { problem: 'permission event without a requestId' };
  const state = PERMISSION_STATES.find((value) => value === event.state);
  if (state === undefined) return { problem: `permission event with unknown state "${describeValue(event.state)}"` };
  const toolCall = asRecord(event.toolCall) ?? {};
  const patch = translateToolCall(toolCall);
  return {
    requestId,
    state,
    options: (asArray(event.options) ?? []).flatMap(readOption),
    optionId: asString(event.optionId),
    decidedBy: asString(event.decidedBy),
    decidedAt: asString(event.decidedAt),
    toolCall,
    patch,
    command: patch?.command ?? null,
  };
}

function readOption(value: unknown): PermissionOption[] {
  const option = asRecord(value);
  const optionId = asString(option?.optionId);
  if (optionId === null) return [];
  // An unknown option kind stays as the agent sent it; the UI treats unknown kinds as neutral.
  const kind = (asString(option?.kind) ?? 'allow_once') as PermissionOption['kind'];
  return [{ optionId, name: asString(option?.name) ?? optionId, kind }];
}
