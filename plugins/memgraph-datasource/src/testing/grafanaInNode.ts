// Import this FIRST in suites that run in the Node environment (`@jest-environment node`, which the Bolt test
// server's TCP/WebSocket listener needs: under jsdom, `ws` resolves to its browser stub and Node's Buffers cross
// realms). The @grafana packages touch window, document, Element, localStorage … while they load, so every DOM
// global Node lacks is borrowed from a jsdom window (as the global-jsdom package does); whatever Node already has
// (Buffer, typed arrays, timers, fetch, WebSocket …) stays Node's own, except the DOM event classes.
import { JSDOM } from 'jsdom';

if (typeof (globalThis as { document?: unknown }).document === 'undefined') {
  const { window } = new JSDOM('<!doctype html><html><body></body></html>', {
    url: 'http://localhost/',
    pretendToBeVisual: true,
  });
  // Events dispatched on the jsdom window must be jsdom's own (uPlot dispatches a CustomEvent while it loads).
  const fromJsdom = new Set(['Event', 'CustomEvent', 'EventTarget']);
  for (const key of Object.getOwnPropertyNames(window)) {
    // `window` itself is assigned below, as a plain value: a getter-only property would refuse that assignment.
    if (key !== 'window' && (!(key in globalThis) || fromJsdom.has(key))) {
      Object.defineProperty(globalThis, key, {
        configurable: true,
        get: () => (window as unknown as Record<string, unknown>)[key],
      });
    }
  }
  // jsdom has no matchMedia; Grafana's theme code asks for it at load (the scaffold's jest setup stubs it the same way).
  const matchMedia = (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  });
  Object.assign(window, { matchMedia });
  Object.assign(globalThis, { window, matchMedia });
}
export {};
