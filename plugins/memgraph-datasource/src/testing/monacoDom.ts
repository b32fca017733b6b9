// What Monaco needs from a browser that jsdom lacks. Environment stand-ins only: Monaco draws its minimap and
// rulers on a canvas (jsdom has no 2D context), waits for document.fonts before measuring text, and watches its
// container's size (automaticLayout) with a ResizeObserver, which jsdom lacks (there is no layout to observe).
export function installMonacoDomShims(): void {
  const noop = () => undefined;
  const context2d = new Proxy(
    { measureText: (text: string) => ({ width: text.length * 7 }) } as Record<string | symbol, unknown>,
    { get: (target, key) => (key in target ? target[key] : noop) }
  );
  HTMLCanvasElement.prototype.getContext = (() => context2d) as unknown as HTMLCanvasElement['getContext'];
  if (!('ResizeObserver' in window)) {
    class NoLayoutResizeObserver {
      observe() {}
      unobserve() {}
      disconnect() {}
    }
    Object.assign(window, { ResizeObserver: NoLayoutResizeObserver });
    Object.assign(globalThis, { ResizeObserver: NoLayoutResizeObserver });
  }
  if (!('fonts' in document)) {
    Object.defineProperty(document, 'fonts', { value: { ready: Promise.resolve() }, configurable: true });
  }
}
