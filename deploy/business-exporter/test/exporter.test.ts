// The exporter against "Memgraph" (the Bolt test server answering the catalogue's exact texts and parameters with
// the reference evaluators' rows, real neo4j-driver), scraped by a real Prometheus.
import { startBoltTestServer, type BoltTestServer } from '@opentruss/bolt-test-server';
import {
  ACCEPTED_LOT_STATUSES,
  catalogueQuery,
  defaultEvaluationContext,
  epochMsOf,
  generateDemoGraph,
  isPlaceholderId,
  type CatalogueQueryId,
  type Row,
} from '@opentruss/opentruss-graph';
import { BUSINESS_ALERT_NAMES, alertByName } from '@opentruss/alerts';
import { startPrometheus, type LocalPrometheus } from '@opentruss/tooling/testing';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import neo4j from 'neo4j-driver';
import { ACTIVITY_WINDOW_MS, METRIC_NAMES, startBusinessExporter, type BusinessExporter } from '../src';
import { exporterResponders, scrape, testExporterOptions } from '../testing/catalogue-memgraph';

const graph = generateDemoGraph();
const context = defaultEvaluationContext(graph);
const num = (value: unknown) => (neo4j.isInt(value) ? value.toNumber() : (value as number));
const rows = (id: CatalogueQueryId, overrides: Partial<typeof context> = {}) => {
  const query = catalogueQuery(id);
  return query
    .evaluate(graph, { ...context, ...overrides })
    .map((row: Row) => Object.fromEntries(query.columns.map((c, i) => [c.name, row[i]])));
};

let ruleDir: string | undefined;

/** The generated rule file with every group evaluated each second, so the rules run during the test. */
function fastRuleFile(): string {
  const rules = parse(fs.readFileSync(path.resolve(__dirname, '../../../alerts/prometheus/opentruss.rules.yml'), 'utf8')) as {
    groups: Array<{ interval?: string }>;
  };
  rules.groups.forEach((group) => (group.interval = '1s'));
  ruleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opentruss-exporter-rules-'));
  const file = path.join(ruleDir, 'rules.yml');
  fs.writeFileSync(file, stringify(rules, { lineWidth: 0 }));
  return file;
}

let server: BoltTestServer;
let exporter: BusinessExporter;
let prometheus: LocalPrometheus;
const logs: string[] = [];

beforeAll(async () => {
  server = await startBoltTestServer({ responders: exporterResponders(graph), users: { exporter: 's3cret' } });
  exporter = await startBusinessExporter(
    testExporterOptions(server.url, {
      user: 'exporter',
      password: 's3cret',
      queryTimeoutMs: 5000,
      now: () => graph.nowMs,
      log: (line) => logs.push(line),
    })
  );
  await exporter.nextCollection();
  prometheus = await startPrometheus({
    ruleFiles: [fastRuleFile()],
    scrapeConfigs: [{ job_name: 'opentruss-business', static_configs: [{ targets: [exporter.url.replace('http://', '')] }] }],
  });
}, 60_000);

afterAll(async () => {
  await prometheus?.stop();
  await exporter?.stop();
  await server?.stop();
  if (ruleDir) {
    fs.rmSync(ruleDir, { recursive: true, force: true });
  }
});

describe('one collection', () => {
  it('runs the catalogue queries, each in its own READ transaction with a timeout, then SHOW STORAGE INFO auto-commit', () => {
    for (const run of server.runs) {
      expect({ query: run.responder?.name, outcome: run.outcome }).toEqual({ query: expect.any(String), outcome: 'completed' });
      // Memgraph refuses SHOW … INFO inside an explicit transaction.
      expect(run.explicitTransaction).toBe(!run.query.startsWith('SHOW'));
      expect(run.extra).toMatchObject({ mode: 'r', tx_timeout: neo4j.int(5000) });
    }
    expect(server.runs.map((run) => run.responder?.name)).toEqual([
      'projects-variable',
      'buildings-per-project',
      'lots-by-status',
      'elements-by-status',
      'approval-totals',
      'distinct-approvers-in-range',
      'lots-by-status-per-building',
      'pending-approvals-per-building',
      'elements-per-building',
      'approval-activity-per-building',
      'SHOW STORAGE INFO',
      'SHOW STORAGE INFO ON CURRENT DATABASE',
    ]);
    expect(logs.some((line) => line.includes('s3cret'))).toBe(false);
  });

  it("serves OpenTruss's own gauges and counter with the reference evaluators' values", async () => {
    const samples = await scrape(exporter.url);
    for (const { status, lots } of rows('lots-by-status')) {
      expect([status, samples.get(`${METRIC_NAMES.inspectionLotsTotal}{status="${String(status)}"}`)]).toEqual([
        status,
        num(lots),
      ]);
    }
    for (const { status, elements } of rows('elements-by-status')) {
      expect(samples.get(`${METRIC_NAMES.elementsTotal}{status="${String(status)}"}`)).toBe(num(elements));
    }
    const history = graph.withLabel('ApprovalHistory');
    for (const action of ['APPROVE', 'REJECT']) {
      expect(
        samples.get(
          `${METRIC_NAMES.workflowOperationsTotal}{operation_type="${action.toLowerCase()}",status="success"}`
        )
      ).toBe(history.filter((h) => h.properties.action === action).length);
    }
  });

  it('serves the per-building KPIs, matching figures computed another way', async () => {
    const samples = await scrape(exporter.url);
    const at = (name: string, labels: string) => samples.get(`${name}{${labels}}`);
    const divisions = rows('division-acceptance-progress');
    const dayAgo = graph.nowMs - ACTIVITY_WINDOW_MS;
    for (const { project_id, building_id, building, project } of rows('buildings-per-project')) {
      const labels = `project="${String(project_id)}",building="${String(building_id)}"`;
      expect(at(METRIC_NAMES.buildingInfo, `${labels},name="${String(project)} / ${String(building)}"`)).toBe(1);
      // Acceptance: the division progress query's lots and accepted lots, summed over the building's divisions.
      const own = divisions.filter((d) => d.building === building && d.project === project);
      const [lots, accepted] = ['lots', 'accepted'].map((k) => own.reduce((s, d) => s + num(d[k]), 0));
      expect(at(METRIC_NAMES.acceptanceRatio, labels)).toBeCloseTo(lots === 0 ? 0 : accepted / lots, 12);
      const lotSeries = ['PLANNING', 'IN_PROGRESS', 'SUBMITTED', 'APPROVED', 'PUBLISHED'].map(
        (status) => at(METRIC_NAMES.lots, `${labels},status="${status}"`)!
      );
      expect(lotSeries.reduce((a, b) => a + b, 0)).toBe(lots);
      expect(lotSeries[3] + lotSeries[4]).toBe(accepted);
      expect(ACCEPTED_LOT_STATUSES).toEqual(['APPROVED', 'PUBLISHED']);

      // Waiting lots and the oldest wait, from the per-lot list.
      expect(graph.sources(String(building_id), 'PHYSICALLY_CONTAINS').map((p) => p.id)).toEqual([project_id]);
      const lotNodes = graph
        .targets(String(building_id), 'MANAGEMENT_CONTAINS', 'Division')
        .filter((d) => !isPlaceholderId(d.id))
        .flatMap((d) => graph.targets(d.id, 'MANAGEMENT_CONTAINS', 'SubDivision'))
        .flatMap((s) => graph.targets(s.id, 'MANAGEMENT_CONTAINS', 'Item'))
        .flatMap((i) => graph.targets(i.id, 'HAS_LOT', 'InspectionLot'));
      const submitted = lotNodes.filter((l) => l.properties.status === 'SUBMITTED');
      expect(at(METRIC_NAMES.lotsAwaitingApproval, labels)).toBe(submitted.length);
      const oldest = Math.min(...submitted.map((l) => epochMsOf(l.properties.updated_at)!));
      expect(at(METRIC_NAMES.oldestAwaitingApprovalAge, labels)).toBe(
        submitted.length ? Math.trunc((graph.nowMs - oldest) / 1000) : undefined
      );

      // Approval activity from the history nodes themselves.
      const histories = lotNodes.flatMap((l) => graph.targets(l.id, 'HAS_APPROVAL_HISTORY', 'ApprovalHistory'));
      const time = (h: (typeof histories)[number]) => epochMsOf(h.properties.created_at)!;
      for (const action of ['APPROVE', 'REJECT']) {
        const recent = histories.filter((h) => h.properties.action === action && time(h) >= dayAgo);
        expect(at(METRIC_NAMES.approvalEvents24h, `${labels},action="${action}"`)).toBe(recent.length);
      }
      const approvals = histories.filter((h) => h.properties.action === 'APPROVE').map(time);
      expect(at(METRIC_NAMES.lastApproval, labels)).toBe(approvals.length ? Math.max(...approvals) / 1000 : undefined);

      // Elements and the low-confidence share, from the element nodes.
      const elements = graph
        .targets(String(building_id), 'PHYSICALLY_CONTAINS', 'Level')
        .flatMap((level) => graph.sources(level.id, 'LOCATED_AT', 'Element'));
      const confident = elements.map((e) => e.properties.confidence).filter((c): c is number => typeof c === 'number');
      const low = confident.filter((c) => c < 0.8).length;
      expect(at(METRIC_NAMES.aiElements, labels)).toBe(confident.length);
      expect(at(METRIC_NAMES.lowConfidenceElements, labels)).toBe(low);
      expect(at(METRIC_NAMES.lowConfidenceRatio, labels)).toBeCloseTo(low / confident.length, 12);
      expect(
        ['Draft', 'Verified'].map((s) => at(METRIC_NAMES.elements, `${labels},status="${s}"`)!).reduce((a, b) => a + b)
      ).toBe(elements.length);
    }
    const approvers = new Set(
      graph
        .withLabel('ApprovalHistory')
        .filter((h) => epochMsOf(h.properties.created_at)! >= dayAgo)
        .map((h) => h.properties.user_id)
    );
    expect(samples.get(METRIC_NAMES.distinctApprovers24h)).toBe(approvers.size);
    expect(samples.get(METRIC_NAMES.buildingsOmitted)).toBe(0);
    // Placeholders are never labelled.
    expect([...samples.keys()].filter((key) => /default_|unassigned_/.test(key))).toEqual([]);
  });

  it('reports its own health', async () => {
    const samples = await scrape(exporter.url);
    expect(samples.get(METRIC_NAMES.up)).toBe(1);
    expect(samples.get(METRIC_NAMES.lastSuccess)).toBe(graph.nowMs / 1000);
    expect(samples.get(METRIC_NAMES.collectionDuration)).toBeGreaterThan(0);
    expect(samples.get(`${METRIC_NAMES.collections}{result="success"}`)).toBe(1);
    expect(samples.get(`${METRIC_NAMES.collections}{result="failure"}`)).toBe(0);
    expect(logs.find((line) => line.startsWith('Collected from Memgraph'))).toMatch(
      /^Collected from Memgraph at bolt:\/\/127\.0\.0\.1:\d+ in \d+\.\d\d s: 60 lots, 400 elements, 4 buildings$/
    );
  });
});

describe('scraped by a real Prometheus', () => {
  it('reads the same values, with the exact metric types', async () => {
    const lots = await waitForSamples(`${METRIC_NAMES.inspectionLotsTotal}{job="opentruss-business"}`);
    const expected = rows('lots-by-status');
    expect(
      Object.fromEntries(lots.map((s) => [s.metric.status, Number(s.value[1])]))
    ).toEqual(Object.fromEntries(expected.map((r) => [r.status, num(r.lots)])));
    const [up] = await prometheus.query(`${METRIC_NAMES.up}{job="opentruss-business"}`);
    expect(up.value[1]).toBe('1');
    const metadata = (await (
      await fetch(`${prometheus.url}/api/v1/targets/metadata?match_target={job="opentruss-business"}`)
    ).json()) as { data: Array<{ metric: string; type: string }> };
    const typeOf = (metric: string) => metadata.data.find((m) => m.metric === metric)?.type;
    expect([
      typeOf(METRIC_NAMES.elementsTotal),
      typeOf(METRIC_NAMES.inspectionLotsTotal),
      typeOf(METRIC_NAMES.workflowOperationsTotal),
    ]).toEqual(['gauge', 'gauge', 'counter']);
  }, 30_000);
});

describe('the business alert rules on the exporter’s series', () => {
  it('evaluate without error inside Prometheus', async () => {
    await waitForSamples(`${METRIC_NAMES.up}{job="opentruss-business"}`);
    const deadline = Date.now() + 20_000;
    let rules: Array<{ name: string; health: string; lastError?: string }> = [];
    while (Date.now() < deadline) {
      const body = (await (await fetch(`${prometheus.url}/api/v1/rules`)).json()) as {
        data: { groups: Array<{ rules: typeof rules }> };
      };
      rules = body.data.groups.flatMap((g) => g.rules).filter((r) => (BUSINESS_ALERT_NAMES as readonly string[]).includes(r.name));
      if (rules.length === BUSINESS_ALERT_NAMES.length && rules.every((r) => r.health !== 'unknown')) {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(rules.map((r) => [r.name, r.health, r.lastError ?? '']).sort()).toEqual(
      BUSINESS_ALERT_NAMES.map((name) => [name, 'ok', '']).sort()
    );
  }, 30_000);

  it('see the oldest waits in hours and fresh data', async () => {
    const waits = await prometheus.query(alertByName('ApprovalBacklogAgeing').expr);
    const expected = rows('pending-approvals-per-building');
    expect(Object.fromEntries(waits.map((s) => [s.metric.building, Number(s.value[1])]))).toEqual(
      Object.fromEntries(expected.map((r) => [r.building_id, num(r.oldest_age_seconds) / 3600]))
    );
    // The exporter's clock is the demo graph's end, so its data reads as old as that end is.
    const [age] = await prometheus.query(alertByName('BusinessMetricsStale').expr);
    expect(Number(age.value[1])).toBeCloseTo((Date.now() - graph.nowMs) / 60_000, -1);
  });
});

async function waitForSamples(expr: string) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const samples = await prometheus.query(expr);
    if (samples.length > 0) {
      return samples;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Prometheus never returned ${expr}\n${prometheus.process.output()}`);
}
