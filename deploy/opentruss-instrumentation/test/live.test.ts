// The middleware in a real FastAPI app shaped like OpenTruss's routers, served by uvicorn on 127.0.0.1, loaded by a
// bounded generator and scraped every second by the real Debian Prometheus with the project's rule file (its
// groups evaluated every second rather than every minute; the rules themselves unchanged).
//
// The API alerts hold for 5 minutes (`for: 5m`), which no test may wait in real time. So each alert is proven in
// two halves: live, the real Prometheus evaluating the real rule file turns it pending (or not) on the scraped
// series; then `promtool test rules`, with the same rule file, replays series shaped like the ones just scraped
// (each series' measured growth per second, minute by minute) and shows pending → firing after `for` → resolved.
import { ALERTS, alertByName } from '@opentruss/alerts';
import { PROMETHEUS_JOBS } from '@opentruss/contract';
import { PYTHON_CLIENT_DEFAULT_BUCKETS } from '@opentruss/demo-metrics';
import { startPrometheus, waitFor, type LocalPrometheus } from '@opentruss/tooling/testing';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { REPO_ROOT, groupingLabelsOf, selectorsOf, shippedQueries } from '../src/shipped-queries';
import { generateLoad, paths, startShapedBackend, type ShapedBackend } from './support/backend';
import { inputSeries, promtoolAlertStates, ratePerSecond, scrapedSinceNow, snapshot, type Snapshot, type StateCheck } from './support/shapes';

jest.setTimeout(180_000);

const JOB = PROMETHEUS_JOBS.backend;
const RULE_FILE = path.join(REPO_ROOT, 'alerts/prometheus/opentruss.rules.yml');
const BACKEND_SERIES = `{__name__=~"opentruss_api_requests_total|opentruss_api_request_duration_seconds_bucket|opentruss_memgraph_queries_total", job="${JOB}"}`;
const LOT = '/api/v1/lots/{lot_id}';

let backend: ShapedBackend;
let liveRules: { file: string; remove(): void };

/**
 * The rule file for the live Prometheus: the project's rules unchanged, but each group evaluated every second
 * instead of every minute, so "pending" shows within seconds. promtool gets the file itself.
 */
function everySecond(ruleFile: string) {
  const rules = parse(fs.readFileSync(ruleFile, 'utf8')) as { groups: Array<{ interval?: string }> };
  rules.groups.forEach((group) => (group.interval = '1s'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opentruss-live-rules-'));
  const file = path.join(dir, path.basename(ruleFile));
  fs.writeFileSync(file, stringify(rules));
  return { file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

beforeAll(async () => {
  liveRules = everySecond(RULE_FILE);
  backend = await startShapedBackend();
  // Traffic of each kind before any Prometheus starts: every series exists at its first scrape, and starts well
  // above 0 as on a running backend (rate() limits its extrapolation at a counter's zero point, which would skew
  // the ratios below by a few tenths of a percent).
  await generateLoad(backend.url, [
    ...paths(100, (i) => `/api/v1/lots/warm_${i}`),
    ...paths(100, (i) => `/api/v1/elements/warm_${i}${i % 20 === 0 ? '?fail=true' : ''}`),
    ...paths(5, () => '/api/v1/elements/missing'),
  ]);
});

afterAll(async () => {
  liveRules?.remove();
  await backend?.stop();
});

/** A fresh Prometheus (empty TSDB: its 5-minute windows hold only this test's traffic) with the rule file. */
async function withPrometheus(run: (prometheus: LocalPrometheus) => Promise<void>) {
  const prometheus = await startPrometheus({
    scrapeConfigs: [{ job_name: JOB, scrape_interval: '1s', static_configs: [{ targets: [backend.target] }] }],
    ruleFiles: [liveRules.file],
  });
  try {
    // A few idle scrapes first: with a baseline of several samples, rate() extrapolates every series by the
    // same half scrape interval (none is cut short at its zero point), so ratios of series read close to the
    // traffic's own ratio.
    await waitFor(
      async () => ((await prometheus.query(`count_over_time(opentruss_api_requests_total{job="${JOB}", endpoint="${LOT}"}[1m]) >= 4`)).length > 0 ? true : undefined),
      20_000,
      () => `four scrapes of the shaped backend\n--- uvicorn:\n${backend.process.output()}\n--- prometheus:\n${prometheus.process.output()}`
    );
    await run(prometheus);
  } finally {
    await prometheus.stop();
  }
}

/** Runs one load phase and returns the per-second growth of every backend counter as Prometheus scraped it. */
async function phase(prometheus: LocalPrometheus, requestPaths: string[], concurrency = 16) {
  const before: Snapshot = await snapshot(prometheus, BACKEND_SERIES);
  const load = await generateLoad(backend.url, requestPaths, concurrency);
  await scrapedSinceNow(prometheus, JOB);
  const after = await snapshot(prometheus, BACKEND_SERIES);
  return { load, before, after, rates: ratePerSecond(before, after, load.seconds) };
}

const value = async (prometheus: LocalPrometheus, expr: string) => Number((await prometheus.query(expr))[0]?.value[1] ?? NaN);
const alertStates = async (prometheus: LocalPrometheus, alertname: string) =>
  (await prometheus.query(`ALERTS{alertname="${alertname}"}`)).map((s) => s.metric.alertstate).sort();

/** `promtool test rules` with the project's rule file passes: the alert is in each state at each time. */
function expectPromtoolStates(alertname: string, series: ReturnType<typeof inputSeries>, checks: StateCheck[], name: string) {
  const result = promtoolAlertStates(RULE_FILE, alertname, series, checks, name);
  expect(result.output).toContain('SUCCESS');
  expect(result.status).toBe(0);
}

/** Waits (bounded) until the live Prometheus holds the alert pending. */
const pending = (prometheus: LocalPrometheus, alertname: string, what: string) =>
  waitFor(
    async () => ((await alertStates(prometheus, alertname)).includes('pending') ? true : undefined),
    15_000,
    () => `${alertname} to turn pending ${what}\n--- prometheus:\n${prometheus.process.output()}`
  );

describe('the real middleware scraped by a real Prometheus: what the alerts and dashboards query exists', () => {
  it('names, label names, label values and buckets match every shipped query; 1,000 lot ids give one endpoint; each request counts once', async () => {
    await withPrometheus(async (prometheus) => {
      const mixed = [
        ...paths(1000, (i) => `/api/v1/lots/lot_${i}`),
        ...paths(200, (i) => `/api/v1/elements/element_${i}${i % 20 === 0 ? '?fail=true' : ''}`),
        ...paths(10, () => '/api/v1/elements/missing'),
        ...paths(10, (i) => `/api/v1/hierarchy/projects/project_${i}`),
        ...paths(5, () => '/api/v1/export/ifc?chunks=2&chunk_delay=0.01'),
        ...paths(5, (i) => `/no/such/route/${i}`),
      ];
      const { load, before, after } = await phase(prometheus, mixed);
      expect(load.statuses).toEqual({ 200: 1000 + 190 + 10 + 5, 404: 10 + 5, 500: 10 });

      // Every request counted exactly once (unlike record_memgraph_query), under its route template.
      const grown = (key: string) => (after.get(key) ?? 0) - (before.get(key) ?? 0);
      const requestKeys = [...after.keys()].filter((k) => k.startsWith('opentruss_api_requests_total{'));
      expect(requestKeys.reduce((sum, k) => sum + grown(k), 0)).toBe(mixed.length);
      expect(await value(prometheus, `count(count by (endpoint) (opentruss_api_requests_total{job="${JOB}", endpoint=~"/api/v1/lots.*"}))`)).toBe(1);
      expect(requestKeys.filter((k) => k.includes(`endpoint="${LOT}"`)).reduce((sum, k) => sum + grown(k), 0)).toBe(1000);

      // Label names as Prometheus stores them, and OpenTruss's default buckets (the demo simulates the same).
      const labelsOf = async (metric: string) =>
        new Set((await prometheus.query(`${metric}{job="${JOB}"}`)).flatMap((s) => Object.keys(s.metric)));
      const exported: Record<string, Set<string>> = {};
      for (const metric of ['opentruss_api_requests_total', 'opentruss_api_request_duration_seconds_bucket', 'opentruss_api_request_duration_seconds_count', 'opentruss_api_request_duration_seconds_sum', 'opentruss_memgraph_queries_total', 'opentruss_memgraph_query_duration_seconds_bucket', 'opentruss_memgraph_query_duration_seconds_count', 'opentruss_memgraph_query_duration_seconds_sum', 'opentruss_api_requests_in_progress']) {
        exported[metric] = await labelsOf(metric);
      }
      expect([...exported.opentruss_api_requests_total].sort()).toEqual(['__name__', 'endpoint', 'instance', 'job', 'method', 'status']);
      expect([...exported.opentruss_api_request_duration_seconds_bucket].sort()).toEqual(['__name__', 'endpoint', 'instance', 'job', 'le', 'method']);
      const les = (await prometheus.query(`opentruss_api_request_duration_seconds_bucket{job="${JOB}", endpoint="${LOT}"}`)).map((s) =>
        s.metric.le === '+Inf' ? Infinity : Number(s.metric.le)
      );
      expect(les.sort((a, b) => a - b)).toEqual([...PYTHON_CLIENT_DEFAULT_BUCKETS, Infinity]);
      const statuses = (await prometheus.query(`opentruss_api_requests_total{job="${JOB}"}`)).map((s) => s.metric.status);
      expect(new Set(statuses)).toEqual(new Set(['200', '404', '500']));

      // Each shipped alert expression and panel query: its selectors and groupings name exported labels, its
      // matchers match exported values, and it returns data on this traffic.
      const queries = shippedQueries();
      expect(queries.map((q) => q.where)).toEqual(expect.arrayContaining(['alert HighAPILatency', 'alert HighAPIErrorRate']));
      for (const { where, expr } of queries) {
        for (const { metric, matchers } of selectorsOf(expr)) {
          expect(`${where}: ${metric} exported: ${metric in exported}`).toBe(`${where}: ${metric} exported: true`);
          for (const m of matchers) {
            expect(`${where}: ${metric} has label ${m.label}: ${exported[metric]?.has(m.label)}`).toBe(`${where}: ${metric} has label ${m.label}: true`);
            const matching = await prometheus.query(`${metric}{job="${JOB}", ${m.label}${m.op}${JSON.stringify(m.value)}}`);
            expect(`${where}: ${metric}{${m.label}${m.op}"${m.value}"} matches ${matching.length > 0 ? 'some' : 'no'} series`).toBe(
              `${where}: ${metric}{${m.label}${m.op}"${m.value}"} matches some series`
            );
          }
          for (const label of groupingLabelsOf(expr).filter((l) => l !== 'le' || metric.endsWith('_bucket'))) {
            expect(`${where}: ${metric} has label ${label}: ${exported[metric]?.has(label)}`).toBe(`${where}: ${metric} has label ${label}: true`);
          }
        }
        expect(`${where}: ${(await prometheus.query(expr)).length > 0 ? 'data' : 'no data'}`).toBe(`${where}: data`);
      }

      // record_memgraph_query counts each query twice; the per-type rate panel halves it back to the true rate.
      // Each lot and element read runs exactly one query, so their request rate is the true query rate.
      const halved = queries.find((q) => /opentruss_memgraph_queries_total.*\/ 2$/s.test(q.expr));
      expect(halved).toBeDefined();
      const trueRate = await value(prometheus, `sum(rate(opentruss_api_requests_total{job="${JOB}", endpoint=~"/api/v1/(lots/\\\\{lot_id\\\\}|elements/\\\\{element_id\\\\})"}[1m]))`);
      const panelRate = await value(prometheus, `sum(${halved!.expr})`);
      expect(trueRate).toBeGreaterThan(0);
      // Within 10 % (rate() extrapolates each series a little differently): without the halving it would read 2.
      expect(panelRate / trueRate).toBeGreaterThan(0.9);
      expect(panelRate / trueRate).toBeLessThan(1.1);
      // 1,210 lot and element reads, 10 of them failing: the scraped counters grew by twice that (exactly), so the
      // error share is right, and the alert's value reads it (within rate()'s extrapolation).
      const queryGrowth = (status: string) =>
        [...after.keys()].filter((k) => k.startsWith('opentruss_memgraph_queries_total{') && k.includes(`status="${status}"`)).reduce((sum, k) => sum + grown(k), 0);
      expect({ error: queryGrowth('error'), success: queryGrowth('success') }).toEqual({ error: 2 * 10, success: 2 * 1200 });
      const errorShare = await value(prometheus, alertByName('MemgraphQueryErrors').expr);
      expect(Math.abs(errorShare / ((100 * 10) / 1210) - 1)).toBeLessThan(0.15);
    });
  });
});

describe('HighAPILatency on the real middleware', () => {
  it('live: fast traffic keeps it silent, a lot endpoint slowed past 500 ms makes it pending; promtool with the scraped shapes: pending, firing after for: 5m, resolved once fast again', async () => {
    const alert = alertByName('HighAPILatency');
    expect(alert.for).toBe('5m');
    await withPrometheus(async (prometheus) => {
      const fast = await phase(prometheus, paths(400, (i) => `/api/v1/lots/lot_${i}`));
      await scrapedSinceNow(prometheus, JOB); // an evaluation after the scrape
      expect(await value(prometheus, alert.expr)).toBeLessThan(alert.value);
      expect(await alertStates(prometheus, alert.name)).toEqual([]);

      const slow = await phase(prometheus, paths(90, (i) => `/api/v1/lots/lot_${i}?delay=0.6`), 30);
      await pending(prometheus, alert.name, 'after the slow requests');
      expect(await value(prometheus, alert.expr)).toBeGreaterThan(alert.value);
      expect(await alertStates(prometheus, alert.name)).toEqual(['pending']);

      // The same traffic over minutes: 10 min fast, 10 min slow, 20 min fast.
      const series = inputSeries([
        { minutes: 10, rates: fast.rates },
        { minutes: 10, rates: slow.rates },
        { minutes: 20, rates: fast.rates },
      ]);
      expect(series.some((s) => s.series.includes(`endpoint="${LOT}"`) && s.series.includes('le="0.5"'))).toBe(true);
      expectPromtoolStates(
        alert.name,
        series,
        [
          { at: '9m', state: 'none' },
          { at: '14m', state: 'pending' },
          { at: '19m', state: 'firing' },
          { at: '30m', state: 'none' },
        ],
        'HighAPILatency with series shaped like the live scrape: silent, pending, firing, resolved'
      );
    });
  });
});

/** Percentage of the API requests a phase added that Prometheus scraped with a 5xx status (no extrapolation). */
function scraped5xxShare({ before, after }: { before: Snapshot; after: Snapshot }) {
  const grown = (filter: (key: string) => boolean) =>
    [...after.keys()]
      .filter((k) => k.startsWith('opentruss_api_requests_total{') && filter(k))
      .reduce((sum, k) => sum + after.get(k)! - (before.get(k) ?? 0), 0);
  return (100 * grown((k) => /status="5\d\d"/.test(k))) / grown(() => true);
}

describe('HighAPIErrorRate on the real middleware', () => {
  // The failing reads close each hundred: with 16 requests in flight, no scrape during the load can see more than
  // the final share (a burst of failures first would briefly read above 5 %, and rightly turn the alert pending).
  const elementReads = (failingPerHundred: number) =>
    paths(1000, (i) => `/api/v1/elements/element_${i}${i % 100 >= 100 - failingPerHundred ? '?fail=true' : ''}`);

  it('live: 6 % 5xx (unhandled exceptions) makes it pending; promtool with the scraped shape: pending at 4 min, firing at 6 min', async () => {
    const alert = alertByName('HighAPIErrorRate');
    expect(alert.for).toBe('5m');
    await withPrometheus(async (prometheus) => {
      const errors = await phase(prometheus, elementReads(6));
      expect(errors.load.statuses).toEqual({ 200: 940, 500: 60 });
      await pending(prometheus, alert.name, 'at 6 % 5xx');
      // Exactly 6 % in the scraped counters; the rule's value (rate()-extrapolated) is over its 5 % line.
      expect(scraped5xxShare(errors)).toBe(6);
      expect(await value(prometheus, alert.expr)).toBeGreaterThan(alert.value);
      expectPromtoolStates(
        alert.name,
        inputSeries([{ minutes: 10, rates: errors.rates }]),
        [
          { at: '4m', state: 'pending' },
          { at: '6m', state: 'firing' },
          { at: '10m', state: 'firing' },
        ],
        'HighAPIErrorRate at 6 % 5xx, shaped like the live scrape: pending, then firing'
      );
    });
  });

  it('live: 4 % 5xx never makes it pending; promtool with the scraped shape: silent for 10 min', async () => {
    const alert = alertByName('HighAPIErrorRate');
    await withPrometheus(async (prometheus) => {
      const errors = await phase(prometheus, elementReads(4));
      expect(errors.load.statuses).toEqual({ 200: 960, 500: 40 });
      // Several evaluations after the last scrape of the traffic: still not even pending.
      await scrapedSinceNow(prometheus, JOB);
      await scrapedSinceNow(prometheus, JOB);
      expect(scraped5xxShare(errors)).toBe(4);
      expect(await value(prometheus, alert.expr)).toBeLessThan(alert.value);
      expect(await prometheus.query(`max_over_time(ALERTS{alertname="${alert.name}"}[1m])`)).toEqual([]);
      expectPromtoolStates(
        alert.name,
        inputSeries([{ minutes: 10, rates: errors.rates }]),
        ['2m', '4m', '6m', '10m'].map((at) => ({ at, state: 'none' as const })),
        'HighAPIErrorRate at 4 % 5xx, shaped like the live scrape: silent'
      );
    });
  });
});

it('covers every alert that reads the API request metrics', () => {
  // The middleware's in-flight gauge (HighActiveConnections' backend entry) is held against the live scrape by the
  // shipped-query check above and by the alert's promtool scenarios.
  const readsRequests = ALERTS.filter((a) => /opentruss_api_(?:requests_total|request_duration)/.test(a.expr));
  expect(readsRequests.map((a) => a.name).sort()).toEqual(['HighAPIErrorRate', 'HighAPILatency']);
});
