// Grafana's scaffolded setup (jest-dom, matchMedia, canvas) needs a DOM. Suites that talk to the Bolt test server
// over TCP run in the Node environment (`@jest-environment node`) and skip it.
if (typeof window !== 'undefined') {
  require('./.config/jest-setup');
}
