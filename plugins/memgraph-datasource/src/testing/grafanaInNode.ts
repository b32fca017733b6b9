// Import this FIRST in suites that run in the Node environment (`@jest-environment node`, which the Bolt test
// server's TCP/WebSocket listener needs: under jsdom, `ws` resolves to its browser stub and Node's Buffers cross
// realms). @grafana/data touches window, document and localStorage while it loads, so those come from a jsdom
// window; everything else (Buffer, net, timers) stays Node's own.
import { JSDOM } from 'jsdom';

if (typeof (globalThis as { document?: unknown }).document === 'undefined') {
  const { window } = new JSDOM('<!doctype html><html><body></body></html>', { url: 'http://localhost/' });
  Object.assign(globalThis, {
    window,
    document: window.document,
    navigator: window.navigator,
    localStorage: window.localStorage,
    getComputedStyle: window.getComputedStyle.bind(window),
  });
}
export {};
