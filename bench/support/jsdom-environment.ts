// A jsdom page for the render benchmarks, set up like vitest's jsdom environment, so components
// render in Node outside the test runner.
import { register } from 'node:module';
import { JSDOM } from 'jsdom';

// Components import stylesheets (diff2html's) that vite bundles; Node loads them as empty modules.
const CSS_AS_EMPTY = `export async function load(url, context, next) {
  return url.endsWith('.css') ? { format: 'module', source: '', shortCircuit: true } : next(url, context);
}`;

/** Installs a jsdom window as the global browser environment and returns it. */
export function installDom(): Window & typeof globalThis {
  register(`data:text/javascript,${encodeURIComponent(CSS_AS_EMPTY)}`);
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true, url: 'http://127.0.0.1/' });
  const window = dom.window as unknown as Window & typeof globalThis;
  // jsdom lacks these browser APIs that antd and react-virtuoso use.
  window.matchMedia = ((query: string) => ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false })) as typeof window.matchMedia;
  const ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  const globals: Record<string, unknown> = {
    window,
    document: window.document,
    navigator: window.navigator,
    ResizeObserver,
    getComputedStyle: window.getComputedStyle.bind(window),
    requestAnimationFrame: window.requestAnimationFrame.bind(window),
    cancelAnimationFrame: window.cancelAnimationFrame.bind(window),
    IS_REACT_ACT_ENVIRONMENT: true,
  };
  for (const [name, value] of Object.entries(globals)) Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
  // Every other window global (HTMLElement, Event, MutationObserver, ...) too.
  for (const name of Object.getOwnPropertyNames(window)) {
    if (name in globalThis) continue;
    Object.defineProperty(globalThis, name, { value: (window as unknown as Record<string, unknown>)[name], configurable: true, writable: true });
  }
  return window;
}
