// Copies the best screenshots of the last browser-test run (tests/e2e/artifacts/) into the plugins'
// src/img/screenshots/, which their READMEs and plugin.json `info.screenshots` show. Run after the e2e suite:
//   npx jest --selectProjects @opentruss/e2e && npm run screenshots -w tests/e2e
import fs from 'node:fs';
import path from 'node:path';

import { ARTIFACTS_DIR, REPO_ROOT } from '../src/paths';

/** plugin folder → screenshot file → the artifact it is copied from. */
export const PLUGIN_SCREENSHOTS: Record<string, Record<string, string>> = {
  'plugins/memgraph-datasource': {
    'query-editor-completion.png': 'query-editor/01-completion-labels.png',
    'query-editor-problems.png': 'query-editor/04-problems-before-sending.png',
    'query-editor-time-series.png': 'query-editor/05-format-time-series.png',
    'query-editor-node-graph.png': 'query-editor/06-format-node-graph.png',
    'config-editor.png': 'datasource/01-config-editor.png',
    'config-index-advisor.png': 'datasource/02-config-index-advisor.png',
    'variable-editor.png': 'query-editor/07-variable-editor.png',
    'annotation-editor.png': 'query-editor/08-annotation-editor.png',
  },
  'plugins/opentruss-app': {
    'home.png': 'app/01-home.png',
    'runbook.png': 'app/02-runbook-from-firing-alert.png',
    'runbook-index.png': 'app/03-runbook-index.png',
    'checklists.png': 'app/04-checklists.png',
    'configuration.png': 'app/05-configuration.png',
  },
};

function main(): void {
  const missing: string[] = [];
  for (const [plugin, screenshots] of Object.entries(PLUGIN_SCREENSHOTS)) {
    const target = path.join(REPO_ROOT, plugin, 'src/img/screenshots');
    fs.mkdirSync(target, { recursive: true });
    for (const [file, artifact] of Object.entries(screenshots)) {
      const source = path.join(ARTIFACTS_DIR, artifact);
      if (!fs.existsSync(source)) {
        missing.push(artifact);
        continue;
      }
      fs.copyFileSync(source, path.join(target, file));
      console.log(`${path.relative(REPO_ROOT, source)} → ${plugin}/src/img/screenshots/${file}`);
    }
  }
  if (missing.length) {
    console.error(`Not in ${path.relative(REPO_ROOT, ARTIFACTS_DIR)} (run the e2e suite first): ${missing.join(', ')}`);
    process.exit(1);
  }
}

main();
