import { useLayoutEffect, useRef, useState } from 'react';

/**
 * For a button whose antd popup (Dropdown, Popover) is mounted on its first opening only. Why: the
 * popup's component registers its styles and mounts its trigger wrapper and observers even while
 * closed, in the task that opens a thread, for menus that are mostly never opened. Until then the
 * bare button is rendered with `onClick={firstOpen}`; from then on the popup around it, controlled
 * by `open`/`setOpen`. Mounting the popup mounts a new button: the keyboard focus is kept on it.
 */
export function useMountOnFirstOpen<T extends HTMLElement = HTMLButtonElement>() {
  const [mounted, setMounted] = useState(false);
  const [open, setOpen] = useState(false);
  const trigger = useRef<T>(null);
  const refocus = useRef(false);
  useLayoutEffect(() => {
    if (!mounted || !refocus.current) return;
    refocus.current = false;
    trigger.current?.focus();
  }, [mounted]);
  const firstOpen = () => {
    refocus.current = document.activeElement === trigger.current;
    setMounted(true);
    setOpen(true);
  };
  return { mounted, open, setOpen, trigger, firstOpen };
}
