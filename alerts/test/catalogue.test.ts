// The exported catalogue that the app and the generators share.
import fs from 'node:fs';
import path from 'node:path';
import { runbookPath } from '@opentruss/contract';
import {
  ALERTS,
  ALERT_NAMES,
  ALERT_PANELS,
  PROCEDURE_RUNBOOKS,
  RULE_GROUPS,
  RUNBOOKS,
  THRESHOLDS,
  alertByName,
  conditionText,
  durationSeconds,
  formatValue,
  sustainedText,
} from '../src';
import { grafanaRuleUid } from '../src/rules';

describe('alert catalogue', () => {
  it('lists every alert once, each in a known rule group, groups in order', () => {
    expect(new Set(ALERT_NAMES).size).toBe(ALERTS.length);
    ALERTS.forEach((a) => expect(Object.keys(RULE_GROUPS)).toContain(a.group));
    // Both rule files list a group's rules together: the catalogue never interleaves groups.
    const order = ALERTS.map((a) => a.group).filter((g, i, all) => g !== all[i - 1]);
    expect(order).toEqual(Object.keys(RULE_GROUPS));
  });

  it('applies the shared defaults in one pass: execErrState Error and the runbook page', () => {
    ALERTS.forEach((a) => {
      expect(a.execErrState).toBe('Error');
      expect(a.runbook).toBe(runbookPath(a.name));
    });
  });

  it('gives every critical rule a `for` of at least a minute: one scrape never pages', () => {
    const critical = ALERTS.filter((a) => a.severity === 'critical');
    expect(critical.length).toBeGreaterThan(5);
    critical.forEach((a) => expect(`${a.name} for ${durationSeconds(a.for)} s`).toMatch(/for (\d{3,}|[6-9]\d) s$/));
  });

  it('lets a missing scrape target page once, by the alert that names it', () => {
    // The alerts reading node-exporter's series stay quiet without them; NodeExporterDown reports it.
    ALERTS.filter((a) => /node_/.test(a.expr) && a.group !== 'stackHealth').forEach((a) => {
      expect(`${a.name}: ${a.noDataState}`).toBe(`${a.name}: OK`);
      expect(a.noDataReason.en).toContain('NodeExporterDown');
    });
    expect(alertByName('NodeExporterDown')).toMatchObject({ severity: 'critical', noDataState: 'Alerting' });
    // A plain `docker compose up` has no backend target: OpenTrussBackendDown reads only targets that exist.
    expect(alertByName('OpenTrussBackendDown').expr).toBe('up{job="opentruss-backend"}');
  });

  it('gives every alert a Grafana rule uid within Grafana’s 40 characters', () => {
    ALERTS.forEach((a) => expect(grafanaRuleUid(a.name).length).toBeLessThanOrEqual(40));
  });

  it('describes each value in Prometheus template syntax in both languages', () => {
    ALERTS.forEach((a) => {
      expect(a.summary.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(a.summary.en).toMatch(/^[\x20-\x7e]+$/);
      expect(a.description.zh).toMatch(/[\u4e00-\u9fff]/);
      // Every description shows the value, except the down ones, whose value is just up = 0.
      if (a.unit !== 'up') {
        expect(a.description.zh).toContain('$value');
        expect(a.description.en).toContain('$value');
      }
    });
  });

  it('exports a dashboard panel per alert with amber and red lines from the manual', () => {
    const cpu = ALERT_PANELS.find((p) => p.alert === 'HighCPUUsage')!;
    expect(cpu).toMatchObject({
      dashboardUid: 'opentruss-system',
      panelId: 1,
      grafanaUnit: 'percent',
      alertAt: 85,
      normalBelow: 70,
    });
    const api = ALERT_PANELS.find((p) => p.alert === 'HighAPILatency')!;
    expect(api).toMatchObject({ dashboardUid: 'opentruss-api-db', grafanaUnit: 's', alertAt: 0.5, normalBelow: 0.2 });
    expect(ALERT_PANELS.find((p) => p.alert === 'DiskWillFillIn24h')!.normalBelow).toBeNull();
  });
});

describe('runbook index', () => {
  it('has one runbook per alert plus the backup and emergency procedures', () => {
    expect(RUNBOOKS.map((r) => r.name)).toEqual([...ALERT_NAMES, ...Object.keys(PROCEDURE_RUNBOOKS)]);
    RUNBOOKS.forEach((r) => expect(r.path).toBe(runbookPath(r.name)));
  });

  it('gives each alert runbook its severity and the condition it fires on', () => {
    const cpu = RUNBOOKS.find((r) => r.name === 'HighCPUUsage')!;
    expect(cpu).toMatchObject({
      kind: 'alert',
      severity: 'warning',
      condition: { zh: 'CPU 使用率 > 85%，持续 5 分钟', en: 'CPU usage > 85% for 5 min' },
      file: 'alerts/runbooks/HighCPUUsage.md',
    });
    expect(RUNBOOKS.find((r) => r.name === 'BackupAndRestore')).toMatchObject({
      kind: 'procedure',
      severity: null,
      condition: null,
    });
  });
});

describe('formatting', () => {
  it('prints values in their units', () => {
    expect(formatValue(THRESHOLDS.apiP95.normalBelow, 'seconds')).toBe('200 ms');
    expect(formatValue(THRESHOLDS.dbQueryTime.normalBelow, 'seconds')).toBe('100 ms');
    expect(formatValue(2.5, 'seconds')).toBe('2.5 s');
    expect(formatValue(85, 'percent')).toBe('85%');
    expect(formatValue(2000, 'count')).toBe('2000');
  });

  it('prints durations in both languages, and nothing for 0s', () => {
    expect(sustainedText('5m')).toEqual({ zh: '持续 5 分钟', en: 'for 5 min' });
    expect(sustainedText('1h')).toEqual({ zh: '持续 1 小时', en: 'for 1 h' });
    expect(sustainedText('90s')).toEqual({ zh: '持续 90 秒', en: 'for 90 s' });
    expect(sustainedText('0s')).toBeNull();
    expect(conditionText('lt', 24, 'hours', '1h')).toEqual({ zh: '< 24 h，持续 1 小时', en: '< 24 h for 1 h' });
  });
});

describe('package entry point', () => {
  /** Relative modules reachable from an entry point (`index` for a folder). */
  function importGraph(file: string, seen = new Set<string>()): Set<string> {
    if (seen.has(file)) {
      return seen;
    }
    seen.add(file);
    const source = fs.readFileSync(file, 'utf8');
    for (const [, specifier] of source.matchAll(/from '(\.[^']+)'/g)) {
      const target = path.resolve(path.dirname(file), specifier);
      importGraph(fs.existsSync(`${target}.ts`) ? `${target}.ts` : path.join(target, 'index.ts'), seen);
    }
    return seen;
  }

  // Both public entry points (`.` and `./rules` of package.json's exports) are imported by the app, a browser bundle.
  it.each(['../src/index.ts', '../src/rules/index.ts'])(
    '%s is browser-safe: nothing it imports uses Node built-ins or the generators',
    (entry) => {
      const modules = [...importGraph(path.join(__dirname, entry))];
      expect(modules.length).toBeGreaterThan(5);
      modules.forEach((file) => {
        const source = fs.readFileSync(file, 'utf8');
        expect([file, /from 'node:|require\(|process\.env/.test(source)]).toEqual([file, false]);
        expect(file).not.toContain(`${path.sep}generate${path.sep}`);
      });
    }
  );
});
