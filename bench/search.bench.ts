// Thread search over a 10,000-message agent chat (every other row an agent turn with reasoning, a
// terminal with ~2 KB of output and an answer): the whole search for a query that hits rarely and
// one that misses, the longest incremental step (what one slice costs a frame), and the same search
// over the rows' text only, side by side; and the first search, before the per-item text cache is warm.
import { performance } from 'node:perf_hooks';
import { createTurnView } from '../src/activity/index.js';
import type { TurnView } from '../src/activity/index.js';
import type { ChatMessage } from '../stores/chat/index.js';
import { chatRow } from '../stores/chat/testing/build-chat-rows.js';
import { searchThread, searchThreadSteps } from '../stores/search/index.js';
import { median } from './support/statistics.js';

const MESSAGES = 10_000;
const RUNS = 7;
const FRAME_MS = 1000 / 60;

function buildThread(): { messages: ChatMessage[]; views: Map<string, TurnView> } {
  const messages: ChatMessage[] = [];
  const views = new Map<string, TurnView>();
  for (let index = 0; index < MESSAGES; index += 1) {
    const agent = index % 2 === 1;
    const turnId = `turn-${index}`;
    const row = chatRow(1_700_000_000_000 + index * 1000, agent ? 'codex' : 'alice', agent ? `Done with step ${index}.` : `Please run step ${index} of the build`, agent ? { acp_turn: { id: turnId, state: 'completed' } } : {});
    messages.push({ ...row, key: String(index), threadKey: '0' } as unknown as ChatMessage);
    if (!agent) continue;
    const view = createTurnView();
    const output = Array.from({ length: 40 }, (_, line) => `src/module-${index}/file-${line}.ts: compiled in ${line} ms`).join('\n');
    const at = { startedAt: 0, updatedAt: 0 };
    view.items.r = { ...at, id: 'r', kind: 'reasoning', messageId: null, text: `**Planning** I will run the build for step ${index} and check the output.` };
    view.items.t = { ...at, id: 't', kind: 'terminal', toolCallId: 't', title: 'Run', command: `npm run build -- --step ${index}`, cwd: null, status: 'completed', exitCode: 0, signal: null, output: { head: output, tail: '', droppedChars: 0, totalChars: output.length, totalLines: 40 } };
    view.items.m = { ...at, id: 'm', kind: 'message', role: 'agent', messageId: null, text: `Done with step ${index}.` };
    view.order.push('r', 't', 'm');
    views.set(turnId, view);
  }
  return { messages, views };
}

function time(run: () => void): number {
  const samples: number[] = [];
  for (let index = 0; index < RUNS; index += 1) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

function longestStep(input: Parameters<typeof searchThreadSteps>[0]): number {
  let longest = 0;
  const steps = searchThreadSteps(input);
  for (;;) {
    const started = performance.now();
    const step = steps.next();
    longest = Math.max(longest, performance.now() - started);
    if (step.done) return longest;
  }
}

export default async function searchBench(): Promise<void> {
  const cold = buildThread();
  const coldStarted = performance.now();
  searchThread({ messages: cold.messages, turnView: (turnId) => cold.views.get(turnId), query: 'no such text' });
  const coldMs = performance.now() - coldStarted;
  const { messages, views } = buildThread();
  const withActivity = (query: string) => ({ messages, turnView: (turnId: string) => views.get(turnId), query });
  const rowsOnly = (query: string) => ({ messages, turnView: () => undefined, query });
  const hits = searchThread(withActivity('file-39.ts')).matches.length;
  const hit = time(() => searchThread(withActivity('file-39.ts')));
  const miss = time(() => searchThread(withActivity('no such text')));
  const rows = time(() => searchThread(rowsOnly('no such text')));
  const step = median(Array.from({ length: RUNS }, () => longestStep(withActivity('no such text'))));
  console.log(`search ${MESSAGES.toLocaleString('en')} messages + ${views.size.toLocaleString('en')} turn views, hit (${hits} matches): ${hit.toFixed(1)} ms`);
  console.log(`search ${MESSAGES.toLocaleString('en')} messages + turn views, miss: ${miss.toFixed(1)} ms (${(miss / rows).toFixed(1)}x the rows' text only: ${rows.toFixed(1)} ms)`);
  console.log(`first search (texts derived and lower-cased, then cached per item): ${coldMs.toFixed(1)} ms (${(coldMs / miss).toFixed(1)}x a later one)`);
  console.log(`longest incremental step: ${step.toFixed(2)} ms (${(step / FRAME_MS).toFixed(2)} of a 16.7 ms frame)`);
}
