// Every relative link and #anchor of every Markdown file git tracks resolves; external links are well-formed (not
// fetched: the tests run offline); root-relative links are Grafana routes only. The check is
// bin/check-markdown-links.mjs (remark-validate-links, ESM-only, hence a child Node process).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const SCRIPT = path.join(__dirname, '../bin/check-markdown-links.mjs');

interface Problem {
  file: string;
  line: number;
  column: number;
  reason: string;
  rule: string;
}

function check(root: string): { status: number | null; problems: Problem[] } {
  const run = spawnSync(process.execPath, [SCRIPT, '--json', '--root', root], { encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`check-markdown-links failed (${run.status}): ${run.stderr}`);
  }
  return { status: run.status, problems: JSON.parse(run.stdout) as Problem[] };
}

/** A git repository with a few Markdown files: each broken kind of link once, and the working kinds. */
function plantedRepository(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'markdown-links-'));
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  write(
    'README.md',
    [
      '# Planted',
      '',
      '## 告警 Alerts',
      '',
      'Working: [docs](docs/guide.md#set-up-安装), [folder](docs), [here](#告警-alerts), [site](https://grafana.com/docs/).',
      '',
      'Broken: [gone](docs/gone.md), [heading](docs/guide.md#nothing), [anchor](#nowhere), [url](https://), [abs](/etc/hosts).',
      '',
    ].join('\n')
  );
  write('docs/guide.md', '# Guide\n\n## Set-up 安装\n\nBack to the [README](../README.md#告警-alerts).\n');
  write('alerts/runbooks/Planted.md', '# Planted\n\n[Explore](/explore?orgId=1), [dashboard](/d/abc/x), [app](/a/opentruss-app/runbooks).\n');
  execFileSync('git', ['init', '-q'], { cwd: root });
  execFileSync('git', ['add', '.'], { cwd: root });
  return root;
}

describe('Markdown links', () => {
  it('resolve in every tracked Markdown file of the repository', () => {
    const { status, problems } = check(REPO_ROOT);
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.reason}`)).toEqual([]);
    expect(status).toBe(0);
  });

  it('are found broken in a planted repository, each kind once, and the working kinds pass', () => {
    const root = plantedRepository();
    try {
      const { status, problems } = check(root);
      expect(status).toBe(1);
      expect(problems.filter((p) => p.file !== 'README.md')).toEqual([]);
      const reasons = problems.map((p) => `${p.rule}: ${p.reason}`).sort();
      expect(reasons).toEqual([
        'missing-file: Cannot find file `docs/gone.md`; did you mean `docs/guide.md`',
        'missing-file: Cannot find file `https:`',
        'missing-heading-in-file: Cannot find heading for `#nothing` in `docs/guide.md`',
        'missing-heading: Cannot find heading for `#nowhere`',
        'root-relative: Root-relative link `/etc/hosts` is neither relative to this file nor a Grafana route (/explore?…, /d/…, /a/…)',
        'url-syntax: External link `https://` is not a valid URL',
      ]);
      expect(problems.every((p) => p.line === 7)).toBe(true);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
