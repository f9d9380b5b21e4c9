import { useEffect } from 'react';

/**
 * Ctrl/Cmd+Shift+A opens the approval inbox from anywhere ("A" for approvals, as in the issue;
 * Ctrl/Cmd+K is the thread list's). Desktop Chrome also binds it to tab search; the page's handler
 * runs first and prevents that default while the page has the focus.
 */
export function useInboxShortcut(open: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'a' || !event.shiftKey || !(event.ctrlKey || event.metaKey) || event.altKey) return;
      event.preventDefault();
      open();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [open]);
}
