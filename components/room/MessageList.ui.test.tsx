import { act, render, screen, waitFor } from '@testing-library/react';
import { createRef } from 'react';
import { VirtuosoMockContext } from 'react-virtuoso';
import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../stores/chat/index.js';
import { MessageList } from './MessageList.js';

// The list reads only each message's key; its rows come from renderMessage.
const messages = (count: number) => Array.from({ length: count }, (_, index) => ({ key: `m${index}` }) as ChatMessage);
const renderMessage = (message: ChatMessage) => (
  <article>
    <span>row {message.key}</span>
    <button type="button">edit {message.key}</button>
  </article>
);
// Virtuoso measures the DOM, which jsdom does not lay out; its test context supplies the sizes.
const withSizes = (ui: React.ReactElement) => <VirtuosoMockContext.Provider value={{ viewportHeight: 600, itemHeight: 60 }}>{ui}</VirtuosoMockContext.Provider>;
const tail = () => document.querySelector('.cc-message-tail');
const scroller = () => document.querySelector<HTMLElement>('[data-virtuoso-scroller]');
const virtualShown = () =>
  waitFor(() => {
    expect(tail()).toBeNull();
    expect(scroller()?.style.visibility).not.toBe('hidden');
  });

describe('MessageList opens tail first (useTailFirst)', () => {
  it('shows the newest rows at once without the virtualizer, then hands over to it with no message in the page twice', async () => {
    // After each commit: is the tail there, is Virtuoso, and how many real rows Virtuoso holds.
    const seen: Array<{ tail: boolean; virtuoso: boolean; virtualRows: number }> = [];
    const observer = new MutationObserver(() => seen.push({ tail: tail() !== null, virtuoso: scroller() !== null, virtualRows: scroller()?.querySelectorAll('article').length ?? 0 }));
    observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    render(withSizes(<MessageList messages={messages(200)} renderMessage={renderMessage} />));
    // The first commit: the last 12 rows, in order, and no Virtuoso yet.
    expect(scroller()).toBeNull();
    expect([...tail()!.querySelectorAll('article span')].map((row) => row.textContent)).toEqual(Array.from({ length: 12 }, (_, index) => `row m${188 + index}`));
    await virtualShown();
    observer.disconnect();
    expect(screen.getAllByText('row m199')).toHaveLength(1);
    expect(screen.queryByText('row m0')).toBeNull();
    // Virtuoso was mounted hidden under the tail before it was shown, with placeholders only while
    // the tail was there (so no message was in the page twice), and real rows once it was gone.
    expect(seen.some((state) => state.tail && state.virtuoso)).toBe(true);
    expect(seen.filter((state) => state.tail).every((state) => state.virtualRows === 0)).toBe(true);
    expect(scroller()!.querySelectorAll('article').length).toBeGreaterThan(0);
  });

  it('keeps the tail while focus is in it (an editor, a button), and hands over once focus leaves', async () => {
    render(withSizes(<MessageList messages={messages(200)} renderMessage={renderMessage} />));
    act(() => screen.getByRole('button', { name: 'edit m199' }).focus());
    // Virtuoso mounted under the tail, then past the hand-over's fallback (500 ms): still the tail,
    // with the focused button in it.
    await waitFor(() => expect(scroller()).not.toBeNull());
    await act(() => new Promise((resolve) => setTimeout(resolve, 700)));
    expect(tail()).not.toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'edit m199' }));
    act(() => (document.activeElement as HTMLElement).blur());
    await virtualShown();
  });

  it('an empty list hands over too, and a scroll asked for before the hand-over happens after it', async () => {
    const { rerender } = render(withSizes(<MessageList messages={[]} renderMessage={renderMessage} />));
    await virtualShown();
    const scrollTo = createRef<((index: number) => void) | null>() as React.MutableRefObject<((index: number) => void) | null>;
    rerender(withSizes(<MessageList key="other" messages={messages(200)} renderMessage={renderMessage} scrollToRef={scrollTo} />));
    expect(tail()).not.toBeNull();
    act(() => scrollTo.current?.(3));
    await virtualShown();
    await waitFor(() => expect(screen.getByText('row m3')).toBeInTheDocument());
  });
});
