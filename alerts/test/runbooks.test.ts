// Every runbook_url resolves to a runbook with all four sections in both languages, written from the manual's
// procedures with its exact commands (and its one wrong volume name corrected).
import fs from 'node:fs';
import { APP_BASE_PATH } from '@opentruss/contract';
import { ALERTS, RUNBOOKS, RUNBOOK_LANGUAGES, formatValue, isPrometheusAlert, runbookByName } from '../src';
import { PROMETHEUS_RULES_FILE } from '../src/generate/outputs';
import { grafanaLinkPath } from '../src/rules';
import { sections } from './support/markdown';
import { readRepoFile, readRepoYaml, repoPath } from './support/repo';

const runbookUrls = [
  ...readRepoYaml<{ groups: Array<{ rules: Array<{ annotations: { runbook_url: string } }> }> }>(
    'provisioning/alerting/rules.yaml'
  ).groups,
  ...readRepoYaml<{ groups: Array<{ rules: Array<{ annotations: { runbook_url: string } }> }> }>(PROMETHEUS_RULES_FILE)
    .groups,
].flatMap((g) => g.rules.map((r) => r.annotations.runbook_url));

/** The runbook a runbook_url opens: the last path segment after the app's /runbooks/ route. */
function runbookOf(url: string) {
  const pathname = grafanaLinkPath(url)!;
  expect(pathname.startsWith(`${APP_BASE_PATH}/runbooks/`)).toBe(true);
  return runbookByName(decodeURIComponent(pathname.slice(`${APP_BASE_PATH}/runbooks/`.length)));
}

describe('runbook links', () => {
  it('exist in both rule files for every alert', () => {
    // Grafana's file holds every alert, Prometheus's the PromQL ones (log alerts run on Loki only).
    expect(runbookUrls).toHaveLength(ALERTS.length + ALERTS.filter(isPrometheusAlert).length);
  });

  it.each(runbookUrls.map((u) => [u]))('%s resolves to a runbook', (url) => {
    expect(runbookOf(url)).toBeDefined();
  });
});

describe.each(RUNBOOKS.map((r) => [r.name, r] as const))('runbook %s', (name, runbook) => {
  const all = sections(runbook.markdown);

  it('is the committed Markdown file', () => {
    expect(fs.existsSync(repoPath(runbook.file))).toBe(true);
    expect(runbook.markdown).toBe(readRepoFile(runbook.file));
  });

  it('has the name as its title, then Meaning / Impact / Diagnosis / Mitigation in Chinese first, English below', () => {
    expect(all[0]).toMatchObject({ level: 1, title: name });
    const outline = all.slice(1).map((s) => `${'#'.repeat(s.level)} ${s.title}`);
    expect(outline).toEqual(
      RUNBOOK_LANGUAGES.flatMap((language) => [`## ${language.heading}`, ...language.sections.map((s) => `### ${s}`)])
    );
    all.filter((s) => s.level === 3).forEach((s) => expect(s.body.trim().length).toBeGreaterThan(20));
  });

  if (runbook.kind === 'alert') {
    it('states the alert threshold in its English part', () => {
      const alert = ALERTS.find((a) => a.name === name)!;
      const english = runbook.markdown.slice(runbook.markdown.indexOf('## English'));
      if (alert.unit !== 'up') {
        expect(english).toContain(formatValue(alert.value, alert.unit));
      }
    });
  }
});

// Commands as the ops manual writes them (§3.3, §4.1, §5.1.1, §6, §11), expected verbatim in the runbooks.
const MANUAL_COMMANDS: Record<string, string[]> = {
  MemgraphQueryErrors: ['docker-compose ps memgraph', 'netstat -an | grep 7687', 'docker-compose logs memgraph'],
  HighDiskUsage: ['df -h', 'du -sh /var/lib/docker/volumes/*', 'docker system prune -a'],
  DiskWillFillIn24h: ['df -h', 'du -sh /var/lib/docker/volumes/*'],
  MemoryLeakSuspected: ['docker stats'],
  HighMemoryUsage: ['free -h', 'docker stats'],
  HighCPUUsage: ['docker stats', 'docker-compose ps', 'docker-compose logs --tail=100 backend'],
  HighAPIErrorRate: ['docker-compose logs backend | grep ERROR'],
  OpenTrussBackendDown: [
    'docker-compose ps | grep -v "Up"',
    'curl -f http://localhost/health || echo "API 不健康"',
    'docker-compose restart backend',
  ],
  DatabaseSlowQuery: [
    'CREATE INDEX ON :Element(id);',
    'CREATE INDEX ON :Element(level_id);',
    'CREATE INDEX ON :Element(inspection_lot_id);',
    'CREATE INDEX ON :InspectionLot(status);',
  ],
  BackupAndRestore: [
    // Quoted as what the runbook corrects (a tar of the running volume), and the steps it keeps.
    'BACKUP_DIR="/backup/opentruss"',
    'DATE=$(date +%Y%m%d_%H%M%S)',
    'docker-compose exec backend python scripts/verify_data.py',
    '.env.production',
  ],
  EmergencyResponse: [
    '确认问题严重性',
    '通知相关人员',
    '启动应急响应',
    '记录处理过程',
    '事后总结',
    "df -h | awk '$5 > 90 {print}'",
  ],
};

describe.each(Object.entries(MANUAL_COMMANDS))('runbook %s', (name, commands) => {
  it.each(commands.map((c) => [c]))('quotes the manual: %s', (command) => {
    expect(runbookByName(name)!.markdown).toContain(command);
  });
});

describe('backup runbook', () => {
  const markdown = runbookByName('BackupAndRestore')!.markdown;
  const docs = fs.readFileSync(repoPath('docs/backups.md'), 'utf8');
  const commands = (text: string) =>
    [...text.matchAll(/```bash\n([\s\S]*?)```/g)].flatMap((m) => m[1].split('\n')).filter((line) => line.trim() && !line.startsWith('#'));

  it('restores with the commands of docs/backups.md, line for line: one procedure', () => {
    const restore = commands(markdown);
    expect(restore.length).toBeGreaterThanOrEqual(8);
    const documented = commands(docs).map((line) => line.replace(/\s+#.*$/, ''));
    restore.forEach((line) => expect(documented).toContain(line.replace(/\s+#.*$/, '')));
  });

  it('writes into the volume compose really creates, never the manual’s opentruss_memgraph_data, and never tars it', () => {
    expect(markdown).toContain('-v opentruss-observability_memgraph-data:/restore-target');
    expect(markdown).toContain('`opentruss_memgraph_data`');
    expect(markdown).toContain('`<project>_memgraph-data`');
    for (const text of [markdown, docs]) {
      expect(text).not.toMatch(/-v \S*memgraph[-_]data:\/data/);
    }
  });

  it('passes credentials, from the secret files the memgraph container mounts, to every mgconsole', () => {
    const login = '--username="$(cat /run/opentruss-secrets/memgraph/user)" --password="$(cat /run/opentruss-secrets/memgraph/password)"';
    for (const text of [markdown, docs]) {
      const calls = commands(text).filter((line) => line.includes('mgconsole'));
      expect(calls.length).toBeGreaterThan(0);
      // The stack's Memgraph logs in with its secret files; the drill's throw-away Memgraph with its own user.
      calls.forEach((call) => expect(call).toMatch(/--username=(?:"\$\(cat \S+\)"|\S+) --password=\S+/));
    }
    expect(markdown).toContain(login);
  });
});
