// The generated files are committed; this fails as soon as one differs from what the catalogue generates (with
// the settings recorded in the file itself), and shows how settings flow into the output.
import { DEFAULT_SETTINGS, settingsFromEnv, type GenerationSettings } from '../src';
import { recordedSettings } from '../src/generate/document';
import { generatedFiles, type GeneratedFile } from '../src/generate/outputs';
import { README_MARKERS } from '../src/generate/readme-table';
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

  it('include the README alert table between its markers under "## Alerts"', () => {
    const readme = readRepoFile('README.md');
    const section = readme.slice(readme.indexOf('## Alerts'));
    expect(section.indexOf(README_MARKERS.begin)).toBeGreaterThan(0);
    expect(section.indexOf(README_MARKERS.end)).toBeGreaterThan(section.indexOf(README_MARKERS.begin));
    expect(section).toContain(
      '| `HighCPUUsage` CPU 使用率过高 | CPU usage > 85% for 5 min (normal < 70%) | warning | §2.1.1 |'
    );
  });
});

describe('generation settings', () => {
  const custom = settingsFromEnv({ NETWORK_LINK_CAPACITY_MBITS: '10000' });
  const files = generatedFiles(custom);
  const content = (suffix: string) => files.find((f) => f.path.endsWith(suffix))!.content;

  it('are recorded in the header of the files that use them; the rule files are the same for every Grafana URL', () => {
    for (const file of ['provisioning/alerting/rules.yaml', 'alerts/prometheus/opentruss.rules.yml']) {
      expect(recordedSettings(content(file))).toEqual(custom);
    }
    // GRAFANA_ROOT_URL is no setting any more: links follow Grafana at run time (test/root-url-links.test.ts).
    expect(settingsFromEnv({ GRAFANA_ROOT_URL: 'https://ops.example.com/grafana/' })).toEqual(DEFAULT_SETTINGS);
  });

  it('use the configured capacity for NICs that report no link speed', () => {
    expect(content('opentruss.rules.yml')).toContain('* 0 + 1250000000\n');
    expect(generatedFiles(DEFAULT_SETTINGS).find((f) => f.path.endsWith('opentruss.rules.yml'))!.content).toContain(
      '* 0 + 125000000\n'
    );
  });

  it('reject unusable values with a message naming the variable', () => {
    expect(() => settingsFromEnv({ NETWORK_LINK_CAPACITY_MBITS: 'fast' })).toThrow(
      /NETWORK_LINK_CAPACITY_MBITS must be a positive number/
    );
    expect(() => settingsFromEnv({ NETWORK_LINK_CAPACITY_MBITS: '0' })).toThrow(/positive number/);
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
    expect(settingsFromEnv({ NETWORK_LINK_CAPACITY_MBITS: '' })).toEqual(DEFAULT_SETTINGS);
  });
});
