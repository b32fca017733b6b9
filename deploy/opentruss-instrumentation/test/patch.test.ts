// The patch for OpenTruss's repository: generated from the middleware and OpenTruss's main.py, applies cleanly to
// the vendored main.py, and leaves Python that compiles with the two installation lines in place.
import { DEBIAN_PYTHON, runTool } from '@opentruss/tooling/testing';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { INSTALL_LINES, MIDDLEWARE_FILE, PATCH_FILE, TARGETS, UPSTREAM_DIR, buildPatch, installIntoMain } from '../src/patch';

let checkout: string;
beforeEach(() => {
  checkout = fs.mkdtempSync(path.join(os.tmpdir(), 'opentruss-checkout-'));
  fs.cpSync(path.join(UPSTREAM_DIR, 'backend'), path.join(checkout, 'backend'), { recursive: true });
});
afterEach(() => fs.rmSync(checkout, { recursive: true, force: true }));

it('is up to date (npm run generate -w deploy/opentruss-instrumentation rewrites it)', () => {
  expect(fs.readFileSync(PATCH_FILE, 'utf8')).toBe(buildPatch());
});

it("applies with git apply to OpenTruss's files, adding the middleware and its two lines", () => {
  const result = runTool('git', ['apply', '--verbose', PATCH_FILE], { cwd: checkout });
  expect(`${result.status} ${result.stderr}`).toMatch(/^0 /);
  expect(fs.readFileSync(path.join(checkout, TARGETS.middleware), 'utf8')).toBe(fs.readFileSync(MIDDLEWARE_FILE, 'utf8'));
  const main = fs.readFileSync(path.join(checkout, TARGETS.main), 'utf8');
  for (const { line } of INSTALL_LINES) {
    expect(main).toContain(line);
  }
  // The middleware is added after CORS, so it is the outermost one.
  expect(main.indexOf('app.add_middleware(MetricsMiddleware)')).toBeGreaterThan(main.indexOf('CORSMiddleware,'));
  const compiled = runTool(DEBIAN_PYTHON, ['-c', 'import ast, sys; [ast.parse(open(f).read(), f) for f in sys.argv[1:]]', path.join(checkout, TARGETS.main), path.join(checkout, TARGETS.middleware)]);
  expect(`${compiled.status} ${compiled.stderr}`).toBe('0 ');
});

it('refuses a main.py without the lines it installs after, saying which', () => {
  expect(() => installIntoMain('app = FastAPI()\n')).toThrow(/from app.core.config import settings/);
});
