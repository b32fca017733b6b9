// npm run generate -w deploy/opentruss-instrumentation — rewrites opentruss-api-metrics.patch.
import fs from 'node:fs';
import path from 'node:path';
import { PATCH_FILE, buildPatch } from '../patch';

const patch = buildPatch();
const before = fs.existsSync(PATCH_FILE) ? fs.readFileSync(PATCH_FILE, 'utf8') : undefined;
if (before !== patch) {
  fs.writeFileSync(PATCH_FILE, patch);
}
console.log(`${before === patch ? 'unchanged' : 'wrote    '} ${path.basename(PATCH_FILE)}`);
