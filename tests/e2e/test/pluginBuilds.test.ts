// Without the plugin builds the browser tests must fail and say how to build them, never skip.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { amdDependencies, requirePluginBuilds } from '../src/server/pluginBuilds';

describe('plugin builds', () => {
  it('a checkout without dist/ fails with the command that builds the plugins', () => {
    const emptyCheckout = fs.mkdtempSync(path.join(os.tmpdir(), 'opentruss-e2e-no-build-'));
    try {
      expect(() => requirePluginBuilds(emptyCheckout)).toThrow(
        /plugins\/memgraph-datasource\/dist\/module\.js is missing: .*Run `npm run build`/
      );
    } finally {
      fs.rmSync(emptyCheckout, { recursive: true, force: true });
    }
  });

  it("reads each built module's AMD dependencies", () => {
    for (const build of Object.values(requirePluginBuilds())) {
      expect(amdDependencies(build)).toEqual(expect.arrayContaining(['module', 'react', '@grafana/data']));
    }
  });
});
