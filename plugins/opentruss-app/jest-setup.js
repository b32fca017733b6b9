// Grafana's scaffolded setup (jest-dom, matchMedia, canvas) needs a DOM. Suites that talk to real servers (the Bolt
// test server, Prometheus) run in the Node environment (`@jest-environment node`) and skip it.
if (typeof window !== 'undefined') {
  require('./.config/jest-setup');

  // jsdom has no IntersectionObserver; Grafana's Select observes its menu with one. Nothing is ever "visible".
  class IntersectionObserverStub {
    observe() {}
    unobserve() {}
    disconnect() {}
    takeRecords() {
      return [];
    }
  }
  Object.assign(global, { IntersectionObserver: IntersectionObserverStub });
}
