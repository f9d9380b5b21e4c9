// Large diffs (issue 9 item 6): an agent's full rewrite of a 2,000- and a 5,000-line file, the old
// way (the diff package's diffLines for the +/- counts on every render, createTwoFilesPatch with
// maxEditLength 20,000 for the patch, both on the render path) side by side with the new one
// (src/activity's fileDiff: once, bounded, and in idle time only for an expanded card), in jsdom.
import { createElement } from 'react';
import { createTwoFilesPatch, diffLines } from 'diff';
import { installDom } from './support/jsdom-environment.js';
import { median } from './support/statistics.js';

const SIZES = [2_000, 5_000];
const RUNS = 3;

const lines = (count: number, line: (index: number) => string) => Array.from({ length: count }, (_, index) => line(index)).join('\n') + '\n';

/** Before this change: the header's counts (every render) and, expanded, the patch too. */
function oldCost(oldText: string, newText: string, expanded: boolean): number {
  const started = performance.now();
  let additions = 0;
  for (const part of diffLines(oldText, newText)) if (part.added) additions += part.count ?? 0;
  if (expanded) createTwoFilesPatch('a/big.ts', 'b/big.ts', oldText, newText, undefined, undefined, { context: 3, maxEditLength: 20_000 });
  if (additions < 0) throw new Error('unreachable');
  return performance.now() - started;
}

export default async function diffBench(): Promise<void> {
  const window = installDom();
  const { act } = await import('react');
  const { createRoot } = await import('react-dom/client');
  const { countFileDiffComputations, fileDiff } = await import('../src/activity/index.js');
  const { createEventLog } = await import('../fixtures/build.js');
  const { CodexProvider } = await import('../stores/provider.js');
  const { createCodexRuntime } = await import('../stores/runtime/index.js');
  const { cardKey } = await import('../stores/view/index.js');
  const { AgentTurn } = await import('../components/turn/AgentTurn.js');

  /** Renders a running turn holding the edit; ms of the synchronous render, then ms until the card shows its counts. */
  const renderTurn = async (oldText: string, newText: string, expanded: boolean) => {
    const log = createEventLog();
    log.status('running');
    log.toolCall('d1', { kind: 'edit', title: 'Rewrite', status: 'completed', content: [{ type: 'diff', path: 'big.ts', oldText, newText }] });
    const runtime = createCodexRuntime({ accountId: 'bench', openDocument: () => Promise.reject(new Error('[bench] no chat documents')) });
    runtime.turns.getState().ingestEvents('t1', log.events);
    runtime.view.getState().setExpanded(cardKey('t1', 'd1'), expanded);
    const host = window.document.createElement('div');
    window.document.body.appendChild(host);
    const root = createRoot(host);
    const computedBefore = countFileDiffComputations();
    const started = performance.now();
    act(() => root.render(createElement(CodexProvider, { runtime, children: createElement(AgentTurn, { turnId: 't1', watch: false }) })));
    const render = performance.now() - started;
    let shown = render;
    if (expanded) {
      const idleStarted = performance.now();
      // One act per tick: React applies the idle-time update when each act ends, as a browser would.
      while (!host.querySelector('[aria-label$="lines added"]')) await act(() => new Promise((resolve) => setTimeout(resolve, 1)));
      shown = render + (performance.now() - idleStarted);
    }
    const computed = countFileDiffComputations() - computedBefore;
    act(() => root.unmount());
    host.remove();
    return { render, shown, computed };
  };

  await renderTurn(lines(50, (index) => `warm ${index}`), lines(50, (index) => `up ${index}`), true); // JIT, antd styles
  for (const size of SIZES) {
    // New strings per run, so neither side is served from a cache.
    const texts = (run: number) => [lines(size, (index) => `old ${run} ${index}`), lines(size, (index) => `new ${run} ${index}`)] as const;
    const oldCollapsed = oldCost(...texts(100), false);
    const oldExpanded = oldCost(...texts(101), true);
    const compute: number[] = [];
    const collapsed: number[] = [];
    const expanded: Array<{ render: number; shown: number }> = [];
    let collapsedComputations = 0;
    for (let run = 0; run < RUNS; run++) {
      const [oldText, newText] = texts(run);
      const started = performance.now();
      fileDiff(oldText, newText);
      compute.push(performance.now() - started);
      const closed = await renderTurn(...texts(run + 10), false);
      collapsed.push(closed.render);
      collapsedComputations += closed.computed;
      expanded.push(await renderTurn(...texts(run + 20), true));
    }
    const format = (ms: number) => `${ms.toFixed(1)} ms`;
    const newExpanded = median(expanded.map((each) => each.shown));
    console.log(`${size}-line rewrite, diff computation: old ${format(oldExpanded)} (counts + patch), new ${format(median(compute))} (ratio ${(oldExpanded / median(compute)).toFixed(0)}x)`);
    console.log(
      `${size}-line rewrite, turn with a collapsed card: old ${format(oldCollapsed)} of diffing on the render path, new ${format(median(collapsed))} whole render, ${collapsedComputations} diffs computed`,
    );
    console.log(
      `${size}-line rewrite, turn with an expanded card: old ${format(oldExpanded)} of diffing on the render path, new ${format(newExpanded)} until the counts show ` +
        `(render ${format(median(expanded.map((each) => each.render)))} + idle-time diff) (ratio ${(oldExpanded / newExpanded).toFixed(0)}x)`,
    );
  }
  window.close();
}
