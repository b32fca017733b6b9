// npm run generate -w plugins/opentruss-app: writes the bundled dashboards, their revision record and the
// includes of plugin.json. Run it after changing anything under dashboards-as-code/ or the data it reads.
import fs from 'node:fs';
import path from 'node:path';
import { committedVersionProblems, generatedFiles } from '../outputs';
import { PLUGIN_ROOT } from '../paths';

let changed = 0;
for (const file of generatedFiles()) {
  const full = path.join(PLUGIN_ROOT, file.path);
  const before = fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : null;
  if (before !== file.content) {
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, file.content);
    changed++;
    console.log(`wrote ${path.relative(process.cwd(), full)}`);
  }
}
console.log(changed ? `${changed} file(s) updated` : 'everything up to date');

const problems = committedVersionProblems();
if (problems.length > 0) {
  console.error(problems.map((p) => `\n✗ ${p}`).join('\n'));
  process.exitCode = 1;
}
