// The rules' links follow Grafana's root URL at run time, whatever it is (sub-path included), with no
// regeneration. Both rule engines expand annotations with Prometheus's template package: Grafana hands it its own
// root URL as `externalURL`, Prometheus its `--web.external-url` and external labels. So a real Prometheus, started
// with a Grafana-like root URL, expands the committed annotations exactly as Grafana's alerting does; the expanded
// runbook link then goes through the notification template with the real Alertmanager template engine (amtool).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { runbookPath } from '@opentruss/contract';
import { startPrometheus, waitFor, type LocalPrometheus } from '@opentruss/tooling/testing';
import { ALERTS, isPrometheusAlert } from '../src';
import { ALERT_TEXT_TEMPLATE } from '../src/notifications';
import { PROMETHEUS_RULES_FILE } from '../src/generate/outputs';
import { GRAFANA_URL_LABEL } from '../src/rules';
import { runCommand } from './support/commands';
import { readRepoYaml } from './support/repo';

jest.setTimeout(60_000);

type Annotations = Record<string, string>;
const grafanaRules = readRepoYaml<{
  groups: Array<{ rules: Array<{ title: string; annotations: Annotations }> }>;
}>('provisioning/alerting/rules.yaml').groups.flatMap((g) => g.rules);
const prometheusRules = readRepoYaml<{
  groups: Array<{ rules: Array<{ alert: string; annotations: Annotations }> }>;
}>(PROMETHEUS_RULES_FILE).groups.flatMap((g) => g.rules);
const template = readRepoYaml<{ templates: Array<{ template: string }> }>(
  'provisioning/alerting/notification-templates.yaml'
).templates[0].template;

const GRAFANA_PREFIX = 'grafana:';
/**
 * Every alert twice, firing at once: `grafana:<name>` with the links of its Grafana rule, `<name>` with the
 * links of its Prometheus rule. (Only the links: the descriptions use engine-specific variables.)
 */
function linkRules(): string {
  const links = (annotations: Annotations) =>
    Object.fromEntries(Object.entries(annotations).filter(([key]) => key.endsWith('_url')));
  return stringify(
    {
      groups: [
        {
          name: 'links',
          interval: '1s',
          rules: [
            ...grafanaRules.map((r) => ({
              alert: GRAFANA_PREFIX + r.title,
              expr: 'vector(1)',
              annotations: links(r.annotations),
            })),
            ...prometheusRules.map((r) => ({
              alert: r.alert,
              expr: 'vector(1)',
              annotations: links(r.annotations),
            })),
          ],
        },
      ],
    },
    { lineWidth: 0 }
  );
}

interface Deployment {
  name: string;
  /** Grafana's root URL (GF_SERVER_ROOT_URL). */
  rootUrl: string;
  /** The `grafana_url` external label given to Prometheus, if any. */
  grafanaUrlLabel?: string;
  prometheus?: LocalPrometheus;
  firing?: Map<string, Annotations>;
}

const DEPLOYMENTS: Deployment[] = [
  {
    name: "the stack's default",
    rootUrl: 'http://localhost:3000',
    grafanaUrlLabel: 'http://localhost:3000',
  },
  {
    name: 'a sub-path behind a proxy',
    rootUrl: 'https://ops.example.com/monitoring/grafana/',
    grafanaUrlLabel: 'https://ops.example.com/monitoring/grafana/',
  },
  {
    name: 'a sub-path, Prometheus without the label',
    rootUrl: 'https://ops.example.com/grafana',
  },
];

let workDir: string;

async function firingAnnotations(prometheus: LocalPrometheus): Promise<Map<string, Annotations>> {
  const expected = grafanaRules.length + prometheusRules.length;
  return waitFor(
    async () => {
      const body = (await (await fetch(`${prometheus.url}/api/v1/alerts`)).json()) as {
        data: {
          alerts: Array<{
            labels: Annotations;
            annotations: Annotations;
            state: string;
          }>;
        };
      };
      const firing = body.data.alerts.filter((a) => a.state === 'firing');
      return firing.length === expected ? new Map(firing.map((a) => [a.labels.alertname, a.annotations])) : undefined;
    },
    20_000,
    () => `all ${expected} link rules firing\n${prometheus.process.output()}`
  );
}

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opentruss-links-'));
  const ruleFile = path.join(workDir, 'links.yml');
  fs.writeFileSync(ruleFile, linkRules());
  await Promise.all(
    DEPLOYMENTS.map(async (deployment) => {
      deployment.prometheus = await startPrometheus({
        ruleFiles: [ruleFile],
        externalUrl: deployment.rootUrl,
        externalLabels: deployment.grafanaUrlLabel ? { [GRAFANA_URL_LABEL]: deployment.grafanaUrlLabel } : undefined,
      });
      deployment.firing = await firingAnnotations(deployment.prometheus);
    })
  );
});

afterAll(async () => {
  await Promise.all(DEPLOYMENTS.map((d) => d.prometheus?.stop()));
  fs.rmSync(workDir, { recursive: true, force: true });
});

const root = (url: string) => url.replace(/\/+$/, '');

describe('rule links', () => {
  it('name no Grafana address in the committed rule files', () => {
    const links = [...grafanaRules, ...prometheusRules].flatMap((r) =>
      Object.entries(r.annotations).filter(([key]) => key.endsWith('_url'))
    );
    expect(links).toHaveLength(grafanaRules.length + 2 * prometheusRules.length);
    for (const [key, link] of links) {
      expect(`${key}: ${link}`).not.toMatch(/https?:|localhost/);
    }
  });

  describe.each(DEPLOYMENTS.map((d) => [d.name, d] as const))('with %s', (_name, deployment) => {
    it("Grafana's rules link the runbook under Grafana's root URL", () => {
      for (const alert of ALERTS) {
        expect(deployment.firing!.get(GRAFANA_PREFIX + alert.name)).toEqual({
          runbook_url: root(deployment.rootUrl) + runbookPath(alert.name),
        });
      }
    });

    it("Prometheus's rules link under the grafana_url label, or as a path when it is not set", () => {
      const base = deployment.grafanaUrlLabel ? root(deployment.grafanaUrlLabel) : '';
      for (const alert of ALERTS.filter(isPrometheusAlert)) {
        expect(deployment.firing!.get(alert.name)).toEqual({
          runbook_url: base + runbookPath(alert.name),
          dashboard_url: `${base}/d/${alert.panel.dashboardUid}`,
        });
      }
    });

    it('the notification text carries that runbook link', () => {
      const alert = ALERTS[0];
      const annotations = deployment.firing!.get(GRAFANA_PREFIX + alert.name)!;
      const data = path.join(workDir, `data-${DEPLOYMENTS.indexOf(deployment)}.json`);
      fs.writeFileSync(
        data,
        JSON.stringify({
          receiver: 'ops',
          status: 'firing',
          alerts: [
            {
              status: 'firing',
              labels: { alertname: alert.name, severity: alert.severity },
              annotations: {
                ...annotations,
                summary: 'summary',
                description: 'description',
              },
              startsAt: '2026-01-01T00:00:00Z',
              endsAt: '0001-01-01T00:00:00Z',
              generatorURL: '',
              fingerprint: '1',
            },
          ],
          groupLabels: {},
          commonLabels: {},
          commonAnnotations: {},
          externalURL: deployment.rootUrl,
        })
      );
      fs.writeFileSync(path.join(workDir, 'opentruss.tmpl'), template);
      const result = runCommand('amtool', [
        'template',
        'render',
        `--template.glob=${path.join(workDir, 'opentruss.tmpl')}`,
        `--template.data=${data}`,
        `--template.text={{ range .Alerts }}{{ template "${ALERT_TEXT_TEMPLATE}" . }}{{ end }}`,
      ]);
      expect(result.status).toBe(0);
      expect(result.output.trim().split('\n').pop()).toBe(
        `运行手册 / Runbook: ${root(deployment.rootUrl)}${runbookPath(alert.name)}`
      );
    });
  });
});
