// Structural checks of provisioning/alerting/*.yaml against the rules Grafana's file provisioning enforces at
// start-up (pkg/services/provisioning/alerting: rules_types.go, contact_point_types.go; ngalert models), so a
// mistake fails here instead of aborting Grafana. No Grafana runs on this machine; these rules are restated
// from Grafana's source, independently of the generator.
import fs from 'node:fs';
import { DATASOURCE_UIDS, PLUGIN_IDS } from '@opentruss/contract';
import { ALERTS, GRAFANA_FOLDER, NOTIFICATION_ENV, SEVERITIES } from '../src';
import { GRAFANA_ROOT_TEMPLATE } from '../src/rules';
import { parsePromDuration } from './support/durations';
import { readRepoFile, readRepoYaml, repoPath } from './support/repo';

const ALERTING_DIR = 'provisioning/alerting';

// --- Grafana's enums and limits -------------------------------------------------------------------------------
const NO_DATA_STATES = ['NoData', 'Alerting', 'OK', 'KeepLast'];
const EXEC_ERR_STATES = ['Alerting', 'Error', 'OK', 'KeepLast'];
const UID = /^[a-zA-Z0-9_-]{1,40}$/;
const EXPRESSION_TYPES = ['math', 'reduce', 'resample', 'classic_conditions', 'threshold', 'sql'];
const REDUCERS = ['sum', 'mean', 'min', 'max', 'count', 'last', 'median'];
const REDUCE_MODES = ['dropNN', 'replaceNN'];
const EVALUATORS = [
  'gt',
  'lt',
  'eq',
  'ne',
  'gte',
  'lte',
  'within_range',
  'outside_range',
  'within_range_included',
  'outside_range_included',
];
/** Core datasource types whose plugins have a backend (Grafana's alerting evaluates queries in its backend). */
const CORE_BACKEND_TYPES = [
  'prometheus',
  'loki',
  'elasticsearch',
  'influxdb',
  'graphite',
  'grafana-postgresql-datasource',
  'postgres',
  'mysql',
  'mssql',
  'cloudwatch',
  'grafana-testdata-datasource',
  'tempo',
];

interface Query {
  refId: string;
  datasourceUid: string;
  relativeTimeRange?: { from: number; to: number };
  model: Record<string, unknown>;
}
interface Rule {
  uid: string;
  title: string;
  condition: string;
  data: Query[];
  dashboardUid?: string;
  panelId?: number;
  noDataState: string;
  execErrState: string;
  for: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}
interface Group {
  orgId: number;
  name: string;
  folder: string;
  interval: string;
  rules: Rule[];
}

const rulesFile = readRepoYaml<{ apiVersion: number; groups: Group[] }>(`${ALERTING_DIR}/rules.yaml`);
const rules = rulesFile.groups.flatMap((g) => g.rules);

/** Datasources provisioned in provisioning/datasources/*.yaml, by uid. */
function provisionedDatasources(): Map<string, string> {
  const dir = 'provisioning/datasources';
  const files = fs.readdirSync(repoPath(dir)).filter((f) => /\.ya?ml$/.test(f));
  const entries = files.flatMap(
    (f) => readRepoYaml<{ datasources?: Array<{ uid: string; type: string }> }>(`${dir}/${f}`).datasources ?? []
  );
  return new Map(entries.map((d) => [d.uid, d.type]));
}

/** Whether a datasource type has a backend: a core backend type, or one of this repo's plugins with `backend: true`. */
function hasBackend(type: string): boolean {
  const repoPlugins = ['memgraph-datasource', 'opentruss-app'].map((folder) =>
    JSON.parse(readRepoFile(`plugins/${folder}/src/plugin.json`))
  );
  const own = repoPlugins.find((p) => p.id === type);
  return own ? own.backend === true : CORE_BACKEND_TYPES.includes(type);
}

describe('provisioning/alerting folder', () => {
  it('holds only .yaml files (Grafana refuses other files and sub-folders at start-up)', () => {
    const entries = fs.readdirSync(repoPath(ALERTING_DIR), { withFileTypes: true });
    expect(entries.length).toBeGreaterThan(0);
    entries.forEach((e) => {
      expect(e.isFile()).toBe(true);
      expect(e.name).toMatch(/\.yaml$/);
    });
  });

  it('never uses the shell-style ${VAR:-default}, which Grafana expands to an empty string', () => {
    fs.readdirSync(repoPath(ALERTING_DIR)).forEach((file) => {
      expect(readRepoFile(`${ALERTING_DIR}/${file}`)).not.toMatch(/\$\{[A-Za-z_][A-Za-z0-9_]*:-/);
    });
  });
});

describe('alert rule groups', () => {
  it('are version 1 groups in the folder "OpenTruss" with valid intervals', () => {
    expect(rulesFile.apiVersion).toBe(1);
    expect(rulesFile.groups.length).toBeGreaterThan(0);
    for (const group of rulesFile.groups) {
      expect(group.orgId).toBe(1);
      expect(group.folder).toBe(GRAFANA_FOLDER);
      expect(group.name.length).toBeGreaterThan(0);
      expect(group.name.length).toBeLessThanOrEqual(190);
      const interval = parsePromDuration(group.interval);
      expect(interval).toBeGreaterThan(0);
      // Grafana's scheduler ticks every 10 s; intervals must be multiples of it.
      expect(interval! % 10).toBe(0);
    }
    expect(new Set(rulesFile.groups.map((g) => g.name)).size).toBe(rulesFile.groups.length);
  });

  it('contain every alert exactly once, with unique stable uids', () => {
    expect(rules.map((r) => r.title).sort()).toEqual(ALERTS.map((a) => a.name).sort());
    expect(new Set(rules.map((r) => r.uid)).size).toBe(rules.length);
    rules.forEach((r) => expect(r.uid).toMatch(UID));
  });
});

describe.each(rules.map((r) => [r.title, r] as const))('rule %s', (_title, rule) => {
  const refIds = rule.data.map((q) => q.refId);

  it('has the required fields and valid enums', () => {
    expect(rule.title.length).toBeLessThanOrEqual(190);
    expect(rule.data.length).toBeGreaterThan(0);
    expect(NO_DATA_STATES).toContain(rule.noDataState);
    expect(EXEC_ERR_STATES).toContain(rule.execErrState);
    expect(parsePromDuration(rule.for)).toBeDefined();
    expect(new Set(refIds).size).toBe(refIds.length);
  });

  it('has a condition naming an existing refId, reached through query → reduce → threshold', () => {
    expect(refIds).toContain(rule.condition);
    const byRef = new Map(rule.data.map((q) => [q.refId, q]));
    const condition = byRef.get(rule.condition)!;
    expect(condition.model.type).toBe('threshold');
    const reduce = byRef.get(condition.model.expression as string)!;
    expect(reduce.model.type).toBe('reduce');
    const query = byRef.get(reduce.model.expression as string)!;
    expect(query.datasourceUid).not.toBe('__expr__');
  });

  it('queries only provisioned backend datasources, over a non-zero relative time range', () => {
    const datasources = provisionedDatasources();
    for (const q of rule.data.filter((d) => d.datasourceUid !== '__expr__')) {
      // PromQL alerts on Prometheus, log alerts on Loki (both have a backend, so Grafana can evaluate them).
      expect([DATASOURCE_UIDS.prometheus, DATASOURCE_UIDS.loki]).toContain(q.datasourceUid);
      expect((q.model.datasource as { uid?: string } | undefined)?.uid).toBe(q.datasourceUid);
      expect(datasources.has(q.datasourceUid)).toBe(true);
      expect(hasBackend(datasources.get(q.datasourceUid)!)).toBe(true);
      expect(q.relativeTimeRange!.to).toBeGreaterThanOrEqual(0);
      expect(q.relativeTimeRange!.from).toBeGreaterThan(q.relativeTimeRange!.to);
      expect(q.model.refId).toBe(q.refId);
      expect(typeof q.model.expr).toBe('string');
    }
  });

  it('has well-formed expressions that reference earlier refIds', () => {
    rule.data.forEach((q, index) => {
      if (q.datasourceUid !== '__expr__') {
        return;
      }
      expect(q.model.refId).toBe(q.refId);
      expect(EXPRESSION_TYPES).toContain(q.model.type);
      expect(refIds.slice(0, index)).toContain(q.model.expression);
      if (q.model.type === 'reduce') {
        expect(REDUCERS).toContain(q.model.reducer);
        const settings = q.model.settings as { mode?: string } | undefined;
        if (settings?.mode) {
          expect(REDUCE_MODES).toContain(settings.mode);
        }
      }
      if (q.model.type === 'threshold') {
        const conditions = q.model.conditions as Array<{ evaluator: { type: string; params: unknown[] } }>;
        expect(conditions.length).toBeGreaterThan(0);
        conditions.forEach((c) => {
          expect(EVALUATORS).toContain(c.evaluator.type);
          c.evaluator.params.forEach((p) => expect(typeof p).toBe('number'));
        });
      }
    });
  });

  it('carries severity/team/service labels that provisioning will not interpolate', () => {
    expect(SEVERITIES).toContain(rule.labels.severity);
    expect(rule.labels.team).toBeTruthy();
    expect(rule.labels.service).toBeTruthy();
    // Labels pass through os.ExpandEnv: a `$` would be replaced by an environment variable.
    Object.values(rule.labels).forEach((v) => expect(v).not.toContain('$'));
  });

  it('carries summary, description, runbook_url and the dashboard panel link', () => {
    const a = rule.annotations;
    expect(a.summary).toBeTruthy();
    expect(a.description).toBeTruthy();
    // Grafana's root URL (expanded when the alert fires, test/root-url-links.test.ts) + the runbook's path.
    expect(a.runbook_url).toBe(`${GRAFANA_ROOT_TEMPLATE.grafana}/a/${PLUGIN_IDS.app}/runbooks/${rule.title}`);
    expect(a.__dashboardUid__).toBe(rule.dashboardUid);
    expect(a.__panelId__).toBe(String(rule.panelId));
    expect(rule.panelId).toBeGreaterThan(0);
    // Grafana expands `${VAR}` in annotations; templates use `{{ $labels.x }}`, which it leaves alone.
    Object.values(a).forEach((v) => expect(v).not.toContain('${'));
    // In Grafana `$value` is a text listing every query; the number is `$values.B.Value`.
    expect(a.description).not.toMatch(/\$value\b/);
  });
});

describe('contact points', () => {
  const file = readRepoYaml<{
    apiVersion: number;
    contactPoints: Array<{
      orgId: number;
      name: string;
      receivers: Array<{ uid: string; type: string; settings: Record<string, unknown> }>;
    }>;
  }>(`${ALERTING_DIR}/contact-points.yaml`);
  const receivers = file.contactPoints.flatMap((cp) => cp.receivers);

  /** Grafana's expansion of a provisioned value (setting.ExpandVar, then os.ExpandEnv): `${NAME}` and `$NAME`. */
  const expand = (value: string, env: Record<string, string>) =>
    value.replace(/\$\{([^}]+)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, braced, bare) => env[braced ?? bare] ?? '');
  const defaults = Object.fromEntries(NOTIFICATION_ENV.map((v) => [v.name, v.default]));

  it('have names, unique receiver uids, a type and settings', () => {
    expect(file.apiVersion).toBe(1);
    file.contactPoints.forEach((cp) => {
      expect(cp.name.trim()).not.toBe('');
      expect(cp.receivers.length).toBeGreaterThan(0);
    });
    expect(new Set(receivers.map((r) => r.uid)).size).toBe(receivers.length);
    receivers.forEach((r) => {
      expect(r.uid).toMatch(UID);
      expect(r.type).toBe('email');
      expect(Object.keys(r.settings).length).toBeGreaterThan(0);
    });
  });

  it('read their addresses from exactly the documented environment variables', () => {
    const referenced = receivers.flatMap((r) =>
      [...JSON.stringify(r.settings).matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1])
    );
    expect(referenced.sort()).toEqual(NOTIFICATION_ENV.map((v) => v.name).sort());
  });

  it('are valid email receivers once the documented defaults are set (no start-up failure)', () => {
    receivers.forEach((r) => {
      const addresses = expand(r.settings.addresses as string, defaults)
        .split(/[;,\n]/)
        .map((s) => s.trim())
        .filter(Boolean);
      // Grafana's email notifier refuses a receiver without addresses ("could not find addresses in settings").
      expect(addresses.length).toBeGreaterThan(0);
      addresses.forEach((address) => expect(address).toMatch(/^[^@\s]+@[^@\s]+$/));
    });
  });

  it('would have no addresses if the variables were unset, which is why the stack must define them', () => {
    receivers.forEach((r) => expect(expand(r.settings.addresses as string, {})).toBe(''));
  });

  it('use notification templates that the templates file defines', () => {
    const templates = readRepoYaml<{ templates: Array<{ name: string; template: string }> }>(
      `${ALERTING_DIR}/notification-templates.yaml`
    ).templates;
    const defined = templates.flatMap((t) => [...t.template.matchAll(/\{\{-?\s*define\s+"([^"]+)"/g)].map((m) => m[1]));
    const used = receivers.flatMap((r) =>
      [...JSON.stringify(r.settings).matchAll(/template \\"([^\\]+)\\"/g)].map((m) => m[1])
    );
    expect(used.length).toBeGreaterThan(0);
    used.forEach((name) => expect(defined).toContain(name));
  });
});

describe('notification policy tree', () => {
  const policies = readRepoYaml<{
    policies: Array<{
      orgId: number;
      receiver: string;
      group_by: string[];
      routes: Array<{ receiver: string; object_matchers: string[][]; repeat_interval?: string; group_wait?: string }>;
      group_wait: string;
      group_interval: string;
      repeat_interval: string;
    }>;
  }>(`${ALERTING_DIR}/notification-policies.yaml`).policies;
  const contactPoints = readRepoYaml<{ contactPoints: Array<{ name: string }> }>(
    `${ALERTING_DIR}/contact-points.yaml`
  ).contactPoints.map((cp) => cp.name);

  it('has one root policy whose receivers all exist', () => {
    expect(policies).toHaveLength(1);
    const [root] = policies;
    expect(contactPoints).toContain(root.receiver);
    root.routes.forEach((route) => expect(contactPoints).toContain(route.receiver));
    [root.group_wait, root.group_interval, root.repeat_interval].forEach((d) =>
      expect(parsePromDuration(d)).toBeGreaterThan(0)
    );
  });

  it('routes every severity the alerts use to its own receiver, by an exact severity matcher', () => {
    const [root] = policies;
    const routeFor = (severity: string) =>
      root.routes.find((r) =>
        r.object_matchers.some(([label, op, value]) => label === 'severity' && op === '=' && value === severity)
      );
    const used = [...new Set(ALERTS.map((a) => a.severity))];
    used.forEach((severity) => expect(routeFor(severity)).toBeDefined());
    expect(routeFor('critical')!.receiver).not.toBe(routeFor('warning')!.receiver);
  });
});
