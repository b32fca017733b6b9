import { NOTIFICATION_ENV } from '@opentruss/alerts';
import { GRAFANA_ROOT_TEMPLATE, GRAFANA_URL_LABEL } from '@opentruss/alerts/rules';
import { DATASOURCE_UIDS, PLUGIN_IDS } from '@opentruss/contract';
import { grafanaExpandedVariables, listFiles, provisionedDatasources, provisioningFiles, readJson, readText, readYaml, resolvedCompose } from '../src';

const DASHBOARDS_DIR = 'plugins/opentruss-app/src/dashboards';
const ALERTING_DIR = 'provisioning/alerting';
const dashboards = listFiles(DASHBOARDS_DIR, ['.json']);
const alertingFiles = listFiles(ALERTING_DIR, ['.yaml', '.yml']);
const provisionedUids = () => new Set(provisionedDatasources().map((d) => d.uid));

/** Every `datasource` reference of a dashboard (panels, targets, variables, annotations), as `{ type?, uid }`. */
function datasourceRefs(node: unknown, found: Array<{ type?: string; uid: string }> = []): Array<{ type?: string; uid: string }> {
  if (Array.isArray(node)) {
    node.forEach((child) => datasourceRefs(child, found));
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'datasource' && value && typeof value === 'object' && 'uid' in value && typeof value.uid === 'string') {
        found.push(value as { type?: string; uid: string });
      }
      datasourceRefs(value, found);
    }
  }
  return found;
}

describe('provisioned datasources', () => {
  it('have exactly the uids of @opentruss/contract, with the right plugin types', () => {
    const byUid = Object.fromEntries(provisionedDatasources().map((d) => [d.uid, d.type]));
    expect(byUid).toEqual({
      [DATASOURCE_UIDS.prometheus]: 'prometheus',
      [DATASOURCE_UIDS.memgraph]: PLUGIN_IDS.datasource,
      [DATASOURCE_UIDS.loki]: 'loki',
    });
  });

  it('enable the app plugin', () => {
    const apps = listFiles('provisioning/plugins', ['.yaml', '.yml']).flatMap((f) => readYaml<{ apps: Array<{ type: string; disabled: boolean }> }>(f).apps);
    expect(apps).toContainEqual(expect.objectContaining({ type: PLUGIN_IDS.app, disabled: false }));
  });

  it("use only environment variables the grafana service defines, in Grafana's own syntax (no ${VAR:-default})", () => {
    const grafanaEnv = resolvedCompose().services.grafana.environment!;
    const files = provisioningFiles();
    expect(files).toContain('provisioning/datasources/opentruss.yaml');
    for (const file of files) {
      for (const name of grafanaExpandedVariables(readText(file))) {
        expect(`${file}: $${name} is a plain name`).toMatch(/: \$[A-Za-z_][A-Za-z0-9_]* is a plain name$/);
        expect(`${file}: $${name} set by compose: ${name in grafanaEnv}`).toMatch(/: true$/);
      }
    }
    expect(grafanaExpandedVariables(readText('provisioning/datasources/opentruss.yaml'))).toEqual([
      'GATEWAY_VIEWER_USER',
      'MEMGRAPH_BROWSER_URL',
      'PROMETHEUS_URL',
    ]);
  });

  it('gives the alert contact points the defaults @opentruss/alerts declares for them', () => {
    const grafanaEnv = resolvedCompose().services.grafana.environment!;
    expect(NOTIFICATION_ENV.length).toBeGreaterThan(0);
    for (const variable of NOTIFICATION_ENV) {
      expect(`${variable.name}=${grafanaEnv[variable.name]}`).toBe(`${variable.name}=${variable.default}`);
    }
  });

  it("links every alert to its runbook under the root URL the stack gives Grafana, for Grafana and for Prometheus", () => {
    // The rule files name no address: Grafana expands its own root URL (GF_SERVER_ROOT_URL) into runbook_url when an
    // alert fires, Prometheus the external label grafana_url, which compose fills from the same GRAFANA_ROOT_URL
    // (alerts/test/root-url-links.test.ts runs both expansions for real).
    const services = resolvedCompose({ env: { GRAFANA_ROOT_URL: 'https://ops.example.com/grafana/' } }).services;
    expect(services.grafana.environment!.GF_SERVER_ROOT_URL).toBe('https://ops.example.com/grafana/');
    expect(services.prometheus.environment!.GRAFANA_ROOT_URL).toBe('https://ops.example.com/grafana/');
    expect(services.prometheus.command).toContain('--enable-feature=expand-external-labels');
    const prometheusConfig = readYaml<{ global: { external_labels: Record<string, string> } }>('deploy/prometheus/prometheus.yml');
    expect(prometheusConfig.global.external_labels[GRAFANA_URL_LABEL]).toBe('${GRAFANA_ROOT_URL}');

    const rules = readYaml<{ groups: Array<{ rules: Array<{ title: string; annotations: Record<string, string> }> }> }>(
      `${ALERTING_DIR}/rules.yaml`
    ).groups.flatMap((g) => g.rules);
    const prometheusRules = readYaml<{ groups: Array<{ rules: Array<{ alert: string; annotations: Record<string, string> }> }> }>(
      'alerts/prometheus/opentruss.rules.yml'
    ).groups.flatMap((g) => g.rules);
    const links = [
      ...rules.map((r) => [r.title, r.annotations.runbook_url, GRAFANA_ROOT_TEMPLATE.grafana]),
      ...prometheusRules.map((r) => [r.alert, r.annotations.runbook_url, GRAFANA_ROOT_TEMPLATE.prometheus]),
    ];
    expect(links.length).toBeGreaterThan(0);
    for (const [name, link, root] of links) {
      expect(`${name}: ${link}`).toBe(`${name}: ${root}/a/${PLUGIN_IDS.app}/runbooks/${name}`);
    }
  });

  it('finds what Grafana would expand, and leaves alert templating alone', () => {
    const yaml = [
      'url: ${A:-x}',
      'other: $B and $$C',
      'annotations:',
      '  summary: "{{ $labels.instance }} on ${D}"',
      'labels:',
      '  team: $E',
    ].join('\n');
    expect(grafanaExpandedVariables(yaml)).toEqual(['A:-x', 'B', 'D', 'E']);
  });
});

describe('datasource uids referenced elsewhere are provisioned', () => {
  it('finds the bundled dashboards and the alert rule files', () => {
    expect(dashboards.length).toBeGreaterThan(0);
    expect(alertingFiles.length).toBeGreaterThan(0);
  });

  it.each(dashboards)('%s references only provisioned datasource uids or dashboard variables', (file) => {
    const refs = datasourceRefs(readJson(file));
    expect(refs.length).toBeGreaterThan(0);
    for (const { uid } of refs) {
      const ok = provisionedUids().has(uid) || uid.startsWith('$') || uid === '-- Grafana --' || uid === 'grafana';
      expect(`${file}: ${uid} ${ok ? 'ok' : 'not provisioned'}`).toBe(`${file}: ${uid} ok`);
    }
  });

  it('alert rules query only provisioned datasources (or server-side expressions)', () => {
    const uids = alertingFiles.flatMap((file) =>
      (readYaml<{ groups?: Array<{ rules: Array<{ data: Array<{ datasourceUid: string }> }> }> }>(file).groups ?? []).flatMap((g) =>
        g.rules.flatMap((r) => r.data.map((d) => d.datasourceUid))
      )
    );
    expect(uids.length).toBeGreaterThan(0);
    for (const uid of uids) {
      expect(`${uid}: ${provisionedUids().has(uid) || uid === '__expr__'}`).toBe(`${uid}: true`);
    }
  });
});
