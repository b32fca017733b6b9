// The generated files are committed; this fails as soon as one differs from what the catalogue generates (with
// the settings recorded in the file itself), and shows how settings flow into the output.
import { DEFAULT_SETTINGS, LINK_CAPACITY, settingsFromEnv, type GenerationSettings } from '../src';
import { recordedSettings } from '../src/generate/document';
import { generatedFiles, type GeneratedFile } from '../src/generate/outputs';
import { ALERT_TABLE_FILE, ALERT_TABLE_MARKERS } from '../src/generate/alert-table';
import { readRepoFile } from './support/repo';

/** What each committed file should contain, given the settings it records (defaults when it records none). */
function expectedFiles(): Array<[string, GeneratedFile, string]> {
  const bySettings = new Map<string, GeneratedFile[]>();
  const filesFor = (settings: GenerationSettings) => {
    const key = JSON.stringify(settings);
    if (!bySettings.has(key)) {
      bySettings.set(key, generatedFiles(settings));
    }
    return bySettings.get(key)!;
  };
  return generatedFiles(DEFAULT_SETTINGS).map((file) => {
    const committed = readRepoFile(file.path);
    const settings = file.usesSettings ? (recordedSettings(committed) ?? DEFAULT_SETTINGS) : DEFAULT_SETTINGS;
    const expected = filesFor(settings).find((f) => f.path === file.path)!;
    return [file.path, expected, committed];
  });
}

describe('generated files', () => {
  it.each(expectedFiles())(
    '%s is current (regenerate with `npm run generate -w alerts`)',
    (_path, expected, committed) => {
      expect(committed).toBe(expected.content);
    }
  );

  it('include the alert table between its markers under "## The alerts" of docs/alerts.md, linking the runbooks from there', () => {
    const doc = readRepoFile(ALERT_TABLE_FILE);
    const section = doc.slice(doc.indexOf('## The alerts'));
    expect(section.indexOf(ALERT_TABLE_MARKERS.begin)).toBeGreaterThan(0);
    expect(section.indexOf(ALERT_TABLE_MARKERS.end)).toBeGreaterThan(section.indexOf(ALERT_TABLE_MARKERS.begin));
    expect(section).toContain(
      '| `HighCPUUsage` CPU 使用率过高 | CPU usage > 85% for 5 min (normal < 70%) | warning | §2.1.1 | [HighCPUUsage](../alerts/runbooks/HighCPUUsage.md) |'
    );
  });
});

describe('generation settings', () => {
  const custom = settingsFromEnv({ BUSINESS_APPROVAL_BACKLOG_HOURS: '48' });
  const files = generatedFiles(custom);
  const content = (suffix: string) => files.find((f) => f.path.endsWith(suffix))!.content;

  it('are recorded in the header of the files that use them; the rule files are the same for every Grafana URL', () => {
    for (const file of ['provisioning/alerting/rules.yaml', 'alerts/prometheus/opentruss.rules.yml']) {
      expect(recordedSettings(content(file))).toEqual(custom);
    }
    // GRAFANA_ROOT_URL is no setting any more: links follow Grafana at run time (test/root-url-links.test.ts).
    expect(settingsFromEnv({ GRAFANA_ROOT_URL: 'https://ops.example.com/grafana/' })).toEqual(DEFAULT_SETTINGS);
  });

  it('leave the link capacity to Prometheus, and say so to a deployment still setting it at generation', () => {
    // The rules read the operator's recording rule; no number is baked in.
    const rules = content('opentruss.rules.yml');
    expect(rules).toContain(`on () group_left () (max(${LINK_CAPACITY.record}) * 125000)`);
    expect(rules).not.toMatch(/\+ 125000000\b/);
    expect(() => settingsFromEnv({ NETWORK_LINK_CAPACITY_MBITS: '10000' })).toThrow(
      /NETWORK_LINK_CAPACITY_MBITS is not read any more: .*deploy\/prometheus\/capacity\/link-capacity\.rules\.yml/
    );
  });

  it('take the business thresholds from BUSINESS_* variables into the rules and the runbook index', () => {
    const business = settingsFromEnv({ BUSINESS_APPROVAL_BACKLOG_HOURS: '48', BUSINESS_ACCEPTANCE_STALLED_DAYS: '3' });
    expect(business.business).toEqual({ ...DEFAULT_SETTINGS.business, approvalBacklogHours: 48, acceptanceStalledDays: 3 });
    const rules = generatedFiles(business).find((f) => f.path.endsWith('opentruss.rules.yml'))!.content;
    expect(rules).toContain('超过 48 小时');
    expect(rules).toContain('（阈值 3 天）');
    expect(recordedSettings(rules)).toEqual(business);
    expect(() => settingsFromEnv({ BUSINESS_REJECTION_RATE_PERCENT: 'many' })).toThrow(
      /BUSINESS_REJECTION_RATE_PERCENT must be a number ≥ 1/
    );
    expect(() => settingsFromEnv({ BUSINESS_METRICS_STALE_MINUTES: '1' })).toThrow(/BUSINESS_METRICS_STALE_MINUTES/);
  });

  it('fall back to the defaults for unset or empty variables', () => {
    expect(settingsFromEnv({})).toEqual(DEFAULT_SETTINGS);
    expect(settingsFromEnv({ NETWORK_LINK_CAPACITY_MBITS: '', BUSINESS_APPROVAL_BACKLOG_HOURS: ' ' })).toEqual(DEFAULT_SETTINGS);
  });
});
