// A 1,000-message thread in jsdom: time to first render and DOM size of the virtualized ThreadView
// next to rendering every message (no virtualization), on the same real stores and rows.
import { createElement } from 'react';
import type { ReactElement } from 'react';
import type { Row } from '../src/protocol/index.js';
import { installDom } from './support/jsdom-environment.js';
import { median } from './support/statistics.js';

const RUNS = 3;
const MESSAGES = 1_000;
const ACCOUNT = 'alice';

/** A thread of `count` messages, alternating between two people, with some Markdown. */
function threadRows(count: number): Row[] {
  const start = Date.parse('2026-01-01T00:00:00.000Z');
  const rootDate = new Date(start).toISOString();
  return Array.from({ length: count }, (_, index) => {
    const date = new Date(start + index * 60_000).toISOString();
    const sender = index % 2 === 0 ? ACCOUNT : 'bob';
    const content = `Message **${index}**: some text with \`code\` and a [link](https://example.com/${index}).`;
    return { event: 'chat', date, sender_id: sender, history: [{ author_id: sender, content, date }], schema_version: 1, ...(index > 0 ? { reply_to: rootDate } : {}) };
  });
}

/**
 * jsdom does not scroll: an element's scrollTop stays 0 whatever is set. Virtuoso opens the thread
 * by scrolling to the newest message and waits for that scroll, so keep the value it sets and
 * send the scroll event a browser would.
 */
function scrollLikeABrowser(host: HTMLElement) {
  const scroller = host.querySelector<HTMLElement & { benchScrollTop?: number }>('[data-virtuoso-scroller]');
  if (!scroller) return;
  if (scroller.benchScrollTop === undefined) {
    scroller.benchScrollTop = 0;
    Object.defineProperty(scroller, 'scrollTop', { get: () => scroller.benchScrollTop, set: (value: number) => void (scroller.benchScrollTop = value) });
    const scrollTo = (options: ScrollToOptions | number, y?: number) => void (scroller.benchScrollTop = typeof options === 'number' ? (y ?? 0) : (options.top ?? 0));
    scroller.scrollTo = scrollTo as typeof scroller.scrollTo;
  }
  scroller.dispatchEvent(new window.Event('scroll'));
}

export default async function roomBench(): Promise<void> {
  const window = installDom();
  const { act } = await import('react');
  const { createRoot } = await import('react-dom/client');
  const { VirtuosoMockContext } = await import('react-virtuoso');
  const { MemorySyncDB } = await import('../src/syncdb/index.js');
  const { CodexProvider } = await import('../stores/provider.js');
  const { createCodexRuntime } = await import('../stores/runtime/index.js');
  const { selectThreadMessages } = await import('../stores/chat/index.js');
  const { ThreadView } = await import('../components/thread/ThreadView.js');
  const { MessageRow } = await import('../components/room/MessageRow.js');

  const rows = threadRows(MESSAGES);
  const threadKey = String(Date.parse(rows[0].date as string));
  const runtime = createCodexRuntime({ accountId: ACCOUNT, syncdb: new MemorySyncDB(rows) });
  const { room } = runtime;
  await room.getState().openChat('bench.chat');
  const messages = selectThreadMessages(room.getState().chat!.store.getState(), threadKey);
  const inProviders = (child: ReactElement) => createElement(CodexProvider, { runtime, children: child });

  const measure = async (name: string | null, build: () => ReactElement) => {
    const times: number[] = [];
    let nodes = 0;
    let shown = 0;
    let newestShown = false;
    for (let run = 0; run <= RUNS; run += 1) {
      const host = window.document.createElement('div');
      window.document.body.appendChild(host);
      const root = createRoot(host);
      const started = performance.now();
      act(() => root.render(build()));
      // Virtuoso measures and positions over a few frames: wait until the messages are shown.
      const deadline = performance.now() + 10_000;
      while (host.querySelector('article.cc-message') === null && performance.now() < deadline) {
        await act(async () => {
          scrollLikeABrowser(host);
          await new Promise((resolve) => setTimeout(resolve, 1));
        });
      }
      if (run > 0) times.push(performance.now() - started); // run 0 warms up and is not counted
      nodes = host.querySelectorAll('*').length;
      shown = host.querySelectorAll('article.cc-message').length;
      newestShown = host.querySelector(`article[data-key="${messages[messages.length - 1].key}"]`) !== null;
      act(() => root.unmount());
      host.remove();
    }
    if (name) console.log(`${name}: ${median(times).toFixed(1)} ms, ${shown} messages in the DOM${newestShown ? ' (the newest among them)' : ''}, ${nodes.toLocaleString('en')} DOM nodes`);
    return { time: median(times), nodes };
  };

  // jsdom has no layout; Virtuoso's test context gives it a 800 px viewport and 80 px messages.
  const virtualized = () =>
    createElement(VirtuosoMockContext.Provider, { value: { viewportHeight: 800, itemHeight: 80 }, children: inProviders(createElement(ThreadView, { threadKey, path: 'bench.chat' })) });
  const everything = () =>
    inProviders(
      createElement(
        'div',
        null,
        messages.map((message) => createElement(MessageRow, { key: message.key, message, accountId: ACCOUNT, authorName: (id: string) => id, onEdit: () => {}, onFeedback: () => {} })),
      ),
    );

  console.log(`thread: ${messages.length.toLocaleString('en')} messages`);
  const fast = await measure('ThreadView, virtualized', virtualized);
  const slow = await measure('every message rendered (no virtualization)', everything);
  console.log(`virtualized vs all: ${(slow.time / fast.time).toFixed(1)}x faster, ${(slow.nodes / fast.nodes).toFixed(1)}x fewer DOM nodes`);
}
