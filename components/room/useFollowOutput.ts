import { useCallback, useEffect, useRef, useState } from 'react';

/** How close to the end (px) still counts as "at the newest message". */
export const AT_BOTTOM_PX = 48;

/**
 * Whether the message list follows new output. It stops only when the reader scrolls up (the
 * scroll position moves up and leaves the bottom); content growing under a reader who stayed put
 * (a streaming turn, a card opening) never stops it. Scrolling back to the end, or `follow()`,
 * resumes it. `following` is a ref because Virtuoso's callbacks run before React re-renders.
 */
export function useFollowOutput() {
  const following = useRef(true);
  const [showJump, setShowJump] = useState(false);
  const scroller = useRef<HTMLElement | null>(null);
  const lastTop = useRef(0);
  const setFollowing = useCallback((value: boolean) => {
    following.current = value;
    setShowJump(!value);
  }, []);

  const onScroll = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    const top = element.scrollTop;
    const fromBottom = element.scrollHeight - top - element.clientHeight;
    if (fromBottom <= AT_BOTTOM_PX) setFollowing(true);
    else if (top < lastTop.current - 1) setFollowing(false);
    lastTop.current = top;
  }, [setFollowing]);

  const scrollerRef = useCallback(
    (element: HTMLElement | Window | null) => {
      scroller.current?.removeEventListener('scroll', onScroll);
      scroller.current = element instanceof HTMLElement ? element : null;
      scroller.current?.addEventListener('scroll', onScroll, { passive: true });
      // A scroller just mounted is at its top; reading scrollTop here would force a layout mid-commit.
      lastTop.current = 0;
    },
    [onScroll],
  );
  useEffect(() => () => scroller.current?.removeEventListener('scroll', onScroll), [onScroll]);

  return { following, showJump, scrollerRef, follow: useCallback(() => setFollowing(true), [setFollowing]) };
}
