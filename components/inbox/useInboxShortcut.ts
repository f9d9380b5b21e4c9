import { useEffect } from 'react';

/**
 * Ctrl/Cmd+Shift+A opens the approval inbox from anywhere ("A" for approvals; Ctrl/Cmd+K is the
 * thread list's, and the browser gives Ctrl+Shift+A to nothing on a page).
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
