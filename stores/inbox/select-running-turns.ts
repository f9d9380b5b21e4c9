import { getFromBuckets, selectThreadList } from '../chat/index.js';
import type { ChatState } from '../chat/index.js';

/** A turn the open chat shows as running: its id, its agent row and its thread (with the thread's label). */
export type RunningTurnRef = { turnId: string; messageKey: string; threadKey: string; threadLabel: string };

const EMPTY: readonly RunningTurnRef[] = Object.freeze([]);
const byState = new WeakMap<ChatState, readonly RunningTurnRef[]>();
// The last list handed out: an equal new list is replaced by it, so subscribers see no change.
let previous: readonly RunningTurnRef[] = EMPTY;

/**
 * The running turns of the open chat: the `generating` agent rows (with an `acp_turn` id) of the
 * threads the index marks running, newest thread first. Only running threads are scanned, so this
 * stays cheap in a long chat. The agent row says "running" even while the turn waits for an
 * approval (the hub writes only start and end states to it), so the waiting itself is read from the
 * turn's log (see selectPendingApprovals). Memoized: the same array while the refs are equal.
 */
export function selectRunningTurns(state: ChatState): readonly RunningTurnRef[] {
  const known = byState.get(state);
  if (known) return known;
  const list: RunningTurnRef[] = [];
  for (const thread of selectThreadList(state)) {
    if (thread.running) list.push(...runningTurnsOf(state, thread.key, thread.label));
  }
  const result = sameRefs(previous, list) ? previous : list.length === 0 ? EMPTY : list;
  previous = result;
  byState.set(state, result);
  return result;
}

/** The running turns of one thread (none unless the index marks it running). */
export function runningTurnsOf(state: ChatState, threadKey: string, threadLabel: string): RunningTurnRef[] {
  const refs: RunningTurnRef[] = [];
  for (const key of getFromBuckets(state.threadMessageKeys, threadKey) ?? []) {
    const message = getFromBuckets(state.messages, key);
    const turnId = message?.acp_turn?.id;
    if (message?.generating === true && turnId) refs.push({ turnId, messageKey: key, threadKey, threadLabel });
  }
  return refs;
}

function sameRefs(a: readonly RunningTurnRef[], b: readonly RunningTurnRef[]): boolean {
  return a.length === b.length && a.every((ref, index) => ref.turnId === b[index].turnId && ref.messageKey === b[index].messageKey && ref.threadKey === b[index].threadKey && ref.threadLabel === b[index].threadLabel);
}
