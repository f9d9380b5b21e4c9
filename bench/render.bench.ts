// Long-output terminal card in jsdom: render time and DOM size of the bounded card (live tail and
// "full" bounded output) next to naive full rendering of the same 200,000 lines.
import { createElement } from 'react';
import type { ReactElement } from 'react';
import { readFixtureEvents } from '../fixtures/data/read-fixtures.js';
import type { TerminalItem } from '../src/activity/index.js';
import { installDom } from './support/jsdom-environment.js';
import { median } from './support/statistics.js';

const RUNS = 3;

export default async function renderBench(): Promise<void> {
  const window = installDom();
  const { act } = await import('react');
  const { createRoot } = await import('react-dom/client');
  const { createTurnView, reduceTurnEvents } = await import('../src/activity/index.js');
  const { CodexProvider } = await import('../stores/provider.js');
  const { createCodexRuntime } = await import('../stores/runtime/index.js');
  const { cardKey } = await import('../stores/view/index.js');
  const { TerminalCard } = await import('../components/cards/TerminalCard.js');
  const { AnsiText } = await import('../components/common/AnsiText.js');

  const events = readFixtureEvents('long-output');
  const view = reduceTurnEvents(createTurnView(), events);
  const item = Object.values(view.items).find((each): each is TerminalItem => each.kind === 'terminal') as TerminalItem;
  // The whole output as the agent sent it, for the naive renderings.
  const fullText = events
    .flatMap((event) => (event.type === 'update' ? [(event.update as { _meta?: { terminal_output?: { data?: string } } })._meta?.terminal_output?.data ?? ''] : []))
    .join('');

  const measure = (name: string | null, build: () => ReactElement) => {
    const times: number[] = [];
    let nodes = 0;
    let chars = 0;
    // run 0 warms up (module init, antd's style cache) and is not counted
    for (let run = 0; run <= RUNS; run += 1) {
      const host = window.document.createElement('div');
      window.document.body.appendChild(host);
      const root = createRoot(host);
      const started = performance.now();
      act(() => root.render(build()));
      if (run > 0) times.push(performance.now() - started);
      nodes = host.querySelectorAll('*').length;
      chars = host.textContent?.length ?? 0;
      act(() => root.unmount());
      host.remove();
    }
    if (name) console.log(`${name}: ${median(times).toFixed(1)} ms, ${nodes} DOM nodes, ${chars.toLocaleString('en')} characters`);
    return median(times);
  };

  const card = (full: boolean) => () => {
    const runtime = createCodexRuntime({ accountId: 'bench', openDocument: () => Promise.reject(new Error('no chats in this bench')) });
    runtime.view.getState().setExpanded(cardKey('t1', item.id), true);
    runtime.view.getState().setFullOutput(cardKey('t1', item.id), full);
    return createElement(CodexProvider, { runtime, children: createElement(TerminalCard, { turnId: 't1', item, live: false }) });
  };

  console.log(`long-output: ${item.output.totalLines.toLocaleString('en')} lines, ${item.output.totalChars.toLocaleString('en')} characters, ${item.output.droppedChars.toLocaleString('en')} dropped by the reducer`);
  measure(null, card(false)); // JIT and antd style warm-up, not reported
  const tail = measure('terminal card, live tail (bounded)', card(false));
  const bounded = measure('terminal card, full bounded output', card(true));
  const naiveText = measure('naive: whole output as ANSI text', () => createElement('pre', null, createElement(AnsiText, { text: fullText })));
  const lines = fullText.split('\n');
  const naiveLines = measure('naive: one element per line', () => createElement('pre', null, lines.map((line, index) => createElement('div', { key: index }, line))));
  // jsdom does no layout, so one huge text node (naive-text) is cheap here; a browser lays out every line.
  console.log(`ratio naive-per-line / bounded-full: ${(naiveLines / bounded).toFixed(1)}x; bounded-full / tail: ${(bounded / tail).toFixed(2)}x; naive-text: ${naiveText.toFixed(1)} ms (no layout in jsdom)`);
  window.close();
}
