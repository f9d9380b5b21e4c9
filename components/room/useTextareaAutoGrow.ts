import { useLayoutEffect } from 'react';
import type { RefObject } from 'react';

/** Whether the browser sizes a textarea to its content by CSS (`field-sizing: content`, composer-input.css). */
export const CSS_FIELD_SIZING = typeof CSS !== 'undefined' && typeof CSS.supports === 'function' && CSS.supports('field-sizing', 'content');

/**
 * The fallback of composer-input.css for browsers without `field-sizing`: the textarea's height
 * follows its text (its CSS max-height still caps it). It measures, so it runs only there, and
 * `fieldSizing` is a parameter for the test.
 */
export function useTextareaAutoGrow(textarea: RefObject<HTMLTextAreaElement | null>, text: string, fieldSizing = CSS_FIELD_SIZING): void {
  useLayoutEffect(() => {
    if (!fieldSizing && textarea.current) fitHeightToText(textarea.current);
  }, [textarea, text, fieldSizing]);
}

function fitHeightToText(element: HTMLTextAreaElement): void {
  element.style.height = 'auto';
  const borders = element.offsetHeight - element.clientHeight;
  element.style.height = `${element.scrollHeight + borders}px`;
}
