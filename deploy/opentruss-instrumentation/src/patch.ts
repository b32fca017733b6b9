// The patch for OpenTruss's repository, built from its vendored main.py and the middleware file, so the three
// cannot disagree: it adds backend/app/core/metrics_middleware.py and the two installation lines to main.py.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const PACKAGE_DIR = path.resolve(__dirname, '..');
export const PATCH_FILE = path.join(PACKAGE_DIR, 'opentruss-api-metrics.patch');
export const MIDDLEWARE_FILE = path.join(PACKAGE_DIR, 'metrics_middleware.py');
export const UPSTREAM_DIR = path.join(PACKAGE_DIR, 'upstream');

/** Where the files go in OpenTruss's repository. */
export const TARGETS = { main: 'backend/app/main.py', middleware: 'backend/app/core/metrics_middleware.py' } as const;

/** The two lines of the installation, and the upstream lines each goes after. */
export const INSTALL_LINES = [
  { after: 'from app.core.config import settings\n', line: 'from app.core.metrics_middleware import MetricsMiddleware\n' },
  {
    after: '    allow_headers=["*"],\n)\n',
    line: '# Records opentruss_api_* for every request; added last, so it is the outermost middleware and times CORS too.\napp.add_middleware(MetricsMiddleware)\n',
  },
] as const;

/** main.py with the installation lines; fails clearly if the upstream file no longer has the anchors. */
export function installIntoMain(main: string): string {
  return INSTALL_LINES.reduce((text, { after, line }) => {
    const at = text.indexOf(after);
    if (at < 0 || text.indexOf(after, at + 1) >= 0) {
      throw new Error(`main.py must contain ${JSON.stringify(after)} exactly once to install the middleware after it`);
    }
    return text.slice(0, at + after.length) + line + text.slice(at + after.length);
  }, main);
}

const git = (cwd: string, args: string[]) =>
  execFileSync(
    'git',
    // Pinned settings, so a user's git configuration cannot change the patch's bytes.
    ['-c', 'core.autocrlf=false', '-c', 'diff.noprefix=false', '-c', 'diff.mnemonicPrefix=false', '-c', 'core.abbrev=12', '-c', 'commit.gpgsign=false', ...args],
    {
    cwd,
      encoding: 'utf8',
    }
  );

/** `git diff` of OpenTruss's main.py before and after the installation, plus the new middleware file. */
export function buildPatch(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opentruss-patch-'));
  try {
    const main = fs.readFileSync(path.join(UPSTREAM_DIR, TARGETS.main), 'utf8');
    fs.mkdirSync(path.join(dir, path.dirname(TARGETS.middleware)), { recursive: true });
    fs.writeFileSync(path.join(dir, TARGETS.main), main);
    git(dir, ['init', '--quiet']);
    git(dir, ['add', '.']);
    git(dir, ['-c', 'user.name=patch', '-c', 'user.email=patch@localhost', 'commit', '--quiet', '--no-verify', '-m', 'OpenTruss']);
    fs.writeFileSync(path.join(dir, TARGETS.main), installIntoMain(main));
    fs.copyFileSync(MIDDLEWARE_FILE, path.join(dir, TARGETS.middleware));
    git(dir, ['add', '.']);
    return git(dir, ['diff', '--cached', '--no-color', '--no-ext-diff', '--no-renames']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
