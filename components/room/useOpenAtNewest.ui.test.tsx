import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useOpenAtNewest } from './useOpenAtNewest.js';

describe('useOpenAtNewest (a long list opens at its end without Virtuoso\'s four-frame wait)', () => {
  it('starts scrolled to the estimated end; rows before the last 12 are placeholders until a range at the end has been shown', () => {
    const { result } = renderHook(() => useOpenAtNewest(1000, 100));
    expect(result.current.initialScrollTop).toBe(100_000);
    expect(result.current.isPlaceholder(0)).toBe(true);
    expect(result.current.isPlaceholder(987)).toBe(true);
    expect(result.current.isPlaceholder(988)).toBe(false);
    expect(result.current.isPlaceholder(999)).toBe(false);
    // The first pass, at the top: still placeholders.
    act(() => result.current.rangeChanged?.({ startIndex: 0, endIndex: 6 }));
    expect(result.current.isPlaceholder(3)).toBe(true);
    // Scrolled to the end: from now on every row is real, also when the reader scrolls up.
    act(() => result.current.rangeChanged?.({ startIndex: 993, endIndex: 999 }));
    expect(result.current.isPlaceholder(0)).toBe(false);
    expect(result.current.isPlaceholder(500)).toBe(false);
    expect(result.current.rangeChanged).toBeUndefined();
  });

  it('renders every row of a short list for real from the start', () => {
    const { result } = renderHook(() => useOpenAtNewest(5, 100));
    expect([0, 1, 2, 3, 4].map(result.current.isPlaceholder)).toEqual([false, false, false, false, false]);
  });

  it('keeps its initial scroll position when messages arrive (Virtuoso reads it on mount only)', () => {
    const { result, rerender } = renderHook(({ count }) => useOpenAtNewest(count, 100), { initialProps: { count: 50 } });
    rerender({ count: 51 });
    expect(result.current.initialScrollTop).toBe(5000);
  });
});
