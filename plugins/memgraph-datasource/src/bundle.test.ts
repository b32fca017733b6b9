import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

// The plugin must talk Bolt over WebSocket in the browser: webpack has to honour neo4j-driver's `browser` field
// (WebSocket channel) instead of bundling its Node channel (net / tls sockets). Checked on the built module.js,
// which `npm run build` produces before `npm test` in the README test command; without a build these tests fail.
const bundlePath = path.resolve(__dirname, '../dist/module.js');
describe('built module.js', () => {
  it('exists (npm run build -w plugins/memgraph-datasource builds it)', () => {
    expect(fs.existsSync(bundlePath)).toBe(true);
  });

  const bundle = fs.existsSync(bundlePath) ? fs.readFileSync(bundlePath, 'utf8') : '';

  it('depends only on what Grafana provides at runtime', () => {
    const dependencies = JSON.parse(/define\((\[[^\]]*\])/.exec(bundle)![1]);
    // @emotion/css (the editors' styles), rxjs/operators (neo4j-driver's reactive API) and i18next (under
    // @grafana/i18n: Grafana's instance holds the plugin's translations) are among the modules Grafana shares with
    // plugins at runtime (its plugin loader's sharedDependencies.ts).
    expect(dependencies.sort()).toEqual([
      '@emotion/css',
      '@grafana/data',
      '@grafana/runtime',
      '@grafana/ui',
      'i18next',
      'module',
      'react',
      'rxjs',
      'rxjs/operators',
    ]);
  });

  it("contains neo4j-driver's WebSocket channel and not its Node socket channel", () => {
    expect(bundle).toContain('new WebSocket(');
    expect(bundle).toMatch(/\.binaryType\s*=\s*"arraybuffer"/);
    expect(bundle).toContain('The browser version of this driver only supports one trust'); // browser-channel.js
    expect(bundle).not.toContain('You are using TRUST_CUSTOM_CA_SIGNED_CERTIFICATES'); // node-channel.js
    expect(bundle).not.toMatch(/require\(\s*["'](net|tls|node:net|node:tls)["']\s*\)/);
  });

  it('is at most 150 KB gzip: what every dashboard with a Memgraph panel downloads', () => {
    // zlib's default level, as web servers compress; KB of 1,024 bytes (the bench's figure 5 reports the size).
    expect(gzipSync(bundle).length / 1024).toBeLessThanOrEqual(150);
  });
});
