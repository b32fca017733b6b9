// The repository needs nothing outside itself: no source file, README or configuration refers a reader to a
// path outside the repository or to an issue of this project's tracker, which users do not have. State the fact,
// or link a file in the repository.
//
// The rule, applied to every file git tracks whose name ends in one of TEXT_FILES (package-lock.json and the
// managed `.config/` folders of create-plugin excepted):
//   - design notes: `DESIGN §…` or `DESIGN.md`;
//   - paths outside the repository: `../shared`, `shared/reference`, an absolute `/work/…`, and a relative
//     Markdown link whose target lies above the repository root or at the web root (a runbook's link into
//     Grafana itself — `/explore?…`, `/d/…`, `/a/…` — is the exception: the app shows runbooks inside Grafana);
//   - our own issues: `issue 12`, `issues 12`, `issue #12` (any case), or a bare `#12`. Upstream references stay
//     allowed when qualified by their project (`monaco-editor#2947`, `grafana/grafana#127214`, a URL), and so do
//     `#` followed by digits inside a quoted string or after `&`, `/`, `.` (colours, HTML entities, anchors).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { GRAFANA_ROUTE } from '../src/grafana-routes';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const TEXT_FILES = ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.md', '.yml', '.yaml', '.sh', '.conf', '.example', 'Dockerfile', 'package.json'];
const SKIPPED = [/(^|\/)package-lock\.json$/, /(^|\/)\.config\//, /^packages\/tooling\/test\/self-contained\.test\.ts$/];

interface Finding {
  line: number;
  rule: string;
  text: string;
}

const LINE_RULES: Array<{ rule: string; pattern: RegExp }> = [
  { rule: 'design notes (state the fact instead)', pattern: /\bDESIGN(?: §|\.md\b)/ },
  { rule: 'a path outside the repository', pattern: /\.\.\/shared\b|\bshared\/reference\b|(?<![\w*.~-])\/work\// },
  { rule: 'an issue number (state the fact instead)', pattern: /\bissues? #?\d+\b/i },
  { rule: 'an issue number (state the fact instead)', pattern: /(?<![\w/&.#'"`-])#\d+\b/ },
];

/** Relative Markdown link targets: `[text](target)`. */
const MARKDOWN_LINK = /\]\((?!https?:|mailto:|#)([^)\s]+)\)/g;


/** What in `text` (the content of `file`, repository-relative) refers to something outside the repository. */
function findOutsideReferences(file: string, text: string): Finding[] {
  const findings: Finding[] = [];
  text.split('\n').forEach((content, index) => {
    for (const { rule, pattern } of LINE_RULES) {
      if (pattern.test(content)) {
        findings.push({ line: index + 1, rule, text: content.trim() });
      }
    }
    if (file.endsWith('.md')) {
      for (const [, target] of content.matchAll(MARKDOWN_LINK)) {
        const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), target));
        const intoGrafana = file.startsWith('alerts/runbooks/') && GRAFANA_ROUTE.test(target);
        if (resolved === '..' || resolved.startsWith('../') || (target.startsWith('/') && !intoGrafana)) {
          findings.push({ line: index + 1, rule: 'a link outside the repository', text: content.trim() });
        }
      }
    }
  });
  return findings;
}

function trackedTextFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\0')
    .filter((file) => file && TEXT_FILES.some((suffix) => file.endsWith(suffix)))
    .filter((file) => !SKIPPED.some((pattern) => pattern.test(file)))
    .filter((file) => fs.existsSync(path.join(REPO_ROOT, file)));
}

describe('references outside the repository', () => {
  it.each([
    ['a design section', 'see DESIGN §3 for the path', 1],
    ['the design file', 'notes in DESIGN.md', 1],
    ['the shared notes', '(notes in `shared/reference/bolt-and-memgraph.md`)', 1],
    ['a relative path to them', 'import x from "../shared/thing"', 1],
    ['an absolute path on the build machine', 'read /work/shared/DESIGN.md', 2],
    ['an issue', 'Benchmarks (issue 10): what it costs', 1],
    ['issues, any case', 'Issues 14 and 16 add alerts', 1],
    ['an issue by #', 'fixed in #12', 1],
    ['a qualified upstream issue', 'the editor mounted last (monaco-editor#2947)', 0],
    ['an upstream repository issue', 'see grafana/grafana#127214', 0],
    ['an upstream URL', 'https://github.com/grafana/grafana/issues/127214', 0],
    ['a colour', "color: '#333'", 0],
    ['an ignore glob', "ignores: ['**/work/']", 0],
    ['a number of lots', '12 issues were found', 0],
  ])('finds %s', (_what, line, expected) => {
    expect(findOutsideReferences('src/example.ts', line)).toHaveLength(expected);
  });

  it('finds Markdown links above the repository root, not those inside it', () => {
    expect(findOutsideReferences('tests/e2e/README.md', 'the [server](../../packages/bolt-test-server/README.md)')).toEqual([]);
    expect(findOutsideReferences('tests/e2e/README.md', 'the [notes](../../../shared/x.md)')).toHaveLength(2);
    expect(findOutsideReferences('README.md', 'the [notes](/work/shared/x.md)')).toHaveLength(2);
  });

  it('are in no tracked source file, README or configuration', () => {
    const files = trackedTextFiles();
    expect(files.length).toBeGreaterThan(200);
    const found = files.flatMap((file) =>
      findOutsideReferences(file, fs.readFileSync(path.join(REPO_ROOT, file), 'utf8')).map(
        (f) => `${file}:${f.line}: ${f.rule}: ${f.text}`
      )
    );
    expect(found).toEqual([]);
  });
});
