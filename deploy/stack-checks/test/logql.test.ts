// Every LogQL expression the bundle ships — dashboard panels and variables, Grafana alert rules, the runbooks'
// Explore links, the shared selectors and the Alloy pipeline's own `stage.match` selectors — parses with Grafana's
// LogQL grammar without an error node, and selects or groups only on labels the Alloy pipeline really sets.
import { LOG_LABELS, LOG_SELECTORS, MANUAL_LOG_COMMANDS, RUNBOOKS, exploreLinkQueries } from '@opentruss/alerts';
import { DATASOURCE_UIDS } from '@opentruss/contract';
import { alloyLabels, alloyString, attribute, listFiles, parseAlloy, readJson, readLogql, readText, readYaml, walkAlloy, withSampleVariables } from '../src';

const ALLOY = parseAlloy(readText('deploy/alloy/config.alloy'));
const PIPELINE_LABELS = alloyLabels(ALLOY);

interface Shipped {
  where: string;
  expr: string;
}

/** Targets and variables of the bundled dashboards that query Loki. */
function dashboardQueries(): Shipped[] {
  return listFiles('plugins/opentruss-app/src/dashboards', ['.json']).flatMap((file) => {
    const json = readJson<{
      uid: string;
      panels: Array<{ id: number; targets?: Array<{ expr?: string; refId: string; datasource?: { type?: string } }> }>;
    }>(file);
    return json.panels.flatMap((panel) =>
      (panel.targets ?? [])
        .filter((t) => t.datasource?.type === 'loki')
        .map((t) => ({ where: `${json.uid} panel ${panel.id} ${t.refId}`, expr: t.expr ?? '' }))
    );
  });
}

function ruleQueries(): Shipped[] {
  const rules = readYaml<{ groups: Array<{ rules: Array<{ title: string; data: Array<{ datasourceUid: string; model: { expr?: string } }> }> }> }>(
    'provisioning/alerting/rules.yaml'
  ).groups.flatMap((g) => g.rules);
  return rules.flatMap((rule) =>
    rule.data.filter((d) => d.datasourceUid === DATASOURCE_UIDS.loki).map((d) => ({ where: `rule ${rule.title}`, expr: d.model.expr ?? '' }))
  );
}

function runbookQueries(): Shipped[] {
  return RUNBOOKS.flatMap((runbook) =>
    [...runbook.markdown.matchAll(/\]\((\/explore\?[^)\s]+)\)/g)].flatMap((m) =>
      (exploreLinkQueries(m[1]) ?? ['<not an Explore link made by exploreLink>']).map((expr) => ({ where: `runbook ${runbook.name}`, expr }))
    )
  );
}

function alloySelectors(): Shipped[] {
  return walkAlloy(ALLOY)
    .filter(({ block }) => block.name === 'stage.match')
    .map(({ block }) => ({ where: 'deploy/alloy/config.alloy stage.match', expr: alloyString(attribute(block, 'selector')!) }));
}

const SHIPPED: Shipped[] = [
  ...dashboardQueries(),
  ...ruleQueries(),
  ...runbookQueries(),
  ...alloySelectors(),
  ...Object.entries(LOG_SELECTORS).map(([name, expr]) => ({ where: `LOG_SELECTORS.${name}`, expr })),
  ...MANUAL_LOG_COMMANDS.map((c) => ({ where: c.command, expr: c.expr })),
];

describe('the Alloy pipeline', () => {
  it('leaves exactly the labels @opentruss/alerts declares (service, level, project) on every line', () => {
    expect(PIPELINE_LABELS).toEqual([...LOG_LABELS].sort());
  });
});

describe('shipped LogQL', () => {
  it('is found in every place that ships it', () => {
    const where = (prefix: string) => SHIPPED.filter((s) => s.where.startsWith(prefix)).length;
    expect(where('opentruss-logs panel')).toBeGreaterThanOrEqual(6);
    expect(where('rule ')).toBe(3);
    expect(where('runbook ')).toBeGreaterThanOrEqual(15);
    expect(where('deploy/alloy')).toBeGreaterThanOrEqual(5);
  });

  it.each(SHIPPED.map((s) => [s.where, s.expr] as const))('%s: %s parses without an error node', (_where, expr) => {
    expect(readLogql(withSampleVariables(expr)).errors).toBe(0);
  });

  it.each(SHIPPED.map((s) => [s.where, s.expr] as const))('%s: %s uses only labels Alloy sets', (_where, expr) => {
    const { streamLabels } = readLogql(withSampleVariables(expr));
    expect(streamLabels.length).toBeGreaterThan(0);
    for (const label of streamLabels) {
      // records_in_file exists inside the pipeline only (dropped before Loki); only Alloy's own selector uses it.
      const known = PIPELINE_LABELS.includes(label) || (label === 'records_in_file' && _where.startsWith('deploy/alloy'));
      expect(`${label}: ${known}`).toBe(`${label}: true`);
    }
  });

  it('the Logs dashboard’s $service variable lists a label Alloy sets', () => {
    const logs = readJson<{ templating: { list: Array<{ name: string; query?: unknown; datasource?: { type?: string } }> } }>(
      'plugins/opentruss-app/src/dashboards/opentruss-logs.json'
    );
    const service = logs.templating.list.find((v) => v.name === 'service')!;
    expect(service.datasource?.type).toBe('loki');
    expect(service.query).toBe('label_values(service)');
    expect(PIPELINE_LABELS).toContain('service');
  });

  it('would catch a broken expression or an unknown label', () => {
    expect(readLogql('{service="backend"').errors).toBeGreaterThan(0);
    expect(readLogql('up{job="loki"} or absent(up{job="loki"}) - 1').errors).toBeGreaterThan(0);
    expect(readLogql('sum by (container) (count_over_time({app="x"} [5m]))').streamLabels).toEqual(['app', 'container']);
  });
});
