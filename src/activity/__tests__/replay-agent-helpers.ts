// The recordings of the real Claude and Gemini agents (fixtures/data/acp/{claude,gemini}-*.acp.jsonl,
// copied from ../shared/agents) folded into views, converted the way the codex recordings are.
import { readAcpRecording } from '../../../fixtures/data/read-fixtures.js';
import { recordingToEvents } from '../../../fixtures/recording-to-events.js';
import { boundedTextToString } from '../bounded-text.js';
import { createTurnView } from '../create-turn-view.js';
import { reduceTurnEvents } from '../reduce-turn-events.js';
import { selectItems } from '../selectors.js';
import type { TerminalItem, TurnView } from '../types.js';

/** The view of an agent recording after all its events. */
export function replayAgentRecording(name: string): TurnView {
  return reduceTurnEvents(createTurnView(), recordingToEvents(readAcpRecording(name), { prompt: [{ type: 'text', text: `scenario:${name}` }] }));
}

/** The only terminal item of a view, with its output as a string. */
export function onlyTerminal(view: TurnView): TerminalItem & { text: string } {
  const terminals = selectItems(view).filter((item): item is TerminalItem => item.kind === 'terminal');
  if (terminals.length !== 1) throw new Error(`expected one terminal item, got ${terminals.length}`);
  return { ...terminals[0], text: boundedTextToString(terminals[0].output) };
}
