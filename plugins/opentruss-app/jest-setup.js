// Grafana's scaffolded setup (jest-dom, matchMedia, canvas) needs a DOM. Suites that talk to real servers (the Bolt
// test server, Prometheus) run in the Node environment (`@jest-environment node`) and skip it.
if (typeof window !== 'undefined') {
  require('./.config/jest-setup');

  // Testing Library waits 1 s by default for findBy/waitFor; CI's two cores run every suite at once, and a React
  // update behind a fetch can take longer than that there. A wrong expectation still fails, only later.
  require('@testing-library/react').configure({ asyncUtilTimeout: 5000 });

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

// Jest's default of 5 s per test is too short for a UI test that waits (above) on a loaded two-core machine.
jest.setTimeout(20_000);
