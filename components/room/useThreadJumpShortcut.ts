import { useEffect } from 'react';

/** Ctrl/Cmd+K focuses the thread list, so threads can be reached from anywhere by keyboard. */
export function useThreadJumpShortcut(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'k' || !(event.ctrlKey || event.metaKey)) return;
      const target = document.querySelector<HTMLElement>('.cc-thread-button[aria-current="true"]') ?? document.querySelector<HTMLElement>('.cc-thread-button');
      if (!target) return;
      event.preventDefault();
      target.focus();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
