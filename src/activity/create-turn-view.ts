import type { TurnView } from './types.js';

/** An empty turn view, before any event (lastSeq -1). */
export function createTurnView(): TurnView {
  return {
    items: {},
    order: [],
    lastSeq: -1,
    state: null,
    startedAt: null,
    endedAt: null,
    stopReason: null,
    error: null,
    usage: null,
    tokens: null,
    prompt: null,
    sessionId: null,
    configOptions: [],
    availableCommands: [],
    title: null,
    currentModeId: null,
    unhandled: [],
  };
}
