// Everything the bundle ships that reads the backend's opentruss_api_* and opentruss_memgraph_* metrics (alert
// expressions, dashboard panel queries, runbook text), and what OpenTruss's metrics.py defines, so tests can
// hold one against the other.
import { ALERTS } from '@opentruss/alerts';
import { memgraphStorageMetrics } from '@opentruss/contract';
import { prometheusTargets } from '@opentruss/tooling/testing';
import fs from 'node:fs';
import path from 'node:path';
import { MIDDLEWARE_FILE, PACKAGE_DIR, UPSTREAM_DIR } from './patch';

export const REPO_ROOT = path.resolve(PACKAGE_DIR, '../..');
const DASHBOARDS_DIR = 'plugins/opentruss-app/src/dashboards';
const RUNBOOKS_DIR = 'alerts/runbooks';

/** The backend metric families this package is about. */
export const BACKEND_METRIC = /\bopentruss_(?:api|memgraph)_[a-z_]+\b/g;

/**
 * Memgraph's own figures (SHOW STORAGE INFO) share the opentruss_memgraph_ prefix but are the business exporter's,
 * not the backend's: named in @opentruss/contract, held against that exporter's tests instead.
 */
const EXPORTER_METRICS: ReadonlySet<string> = new Set(Object.values(memgraphStorageMetrics));
const isBackendMetric = (name: string) => !EXPORTER_METRICS.has(name);

export interface ShippedQuery {
  /** Where it ships: `alert HighAPILatency` or `<dashboard file> panel query`. */
  where: string;
  expr: string;
}

/** Alert expressions and dashboard panel queries reading opentruss_api_* or opentruss_memgraph_*. */
export function shippedQueries(): ShippedQuery[] {
  const alerts = ALERTS.map((a) => ({ where: `alert ${a.name}`, expr: a.expr }));
  const panels = fs
    .readdirSync(path.join(REPO_ROOT, DASHBOARDS_DIR))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) =>
      prometheusTargets(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, DASHBOARDS_DIR, name), 'utf8'))).map((expr) => ({
        where: `${DASHBOARDS_DIR}/${name} panel query`,
        expr,
      }))
    );
  return [...alerts, ...panels].filter((q) => (q.expr.match(BACKEND_METRIC) ?? []).some(isBackendMetric));
}

/** Backend metric names that runbooks mention, by runbook file. */
export function runbookMetricNames(): Array<{ file: string; names: string[] }> {
  return fs
    .readdirSync(path.join(REPO_ROOT, RUNBOOKS_DIR))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const file = `${RUNBOOKS_DIR}/${name}`;
      const mentions = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8').match(BACKEND_METRIC) ?? [];
      // Docker volume names (the manual's opentruss_memgraph_data) look alike but are not metrics.
      return { file, names: [...new Set(mentions.filter((name) => !name.endsWith('_data') && isBackendMetric(name)))] };
    })
    .filter((r) => r.names.length > 0);
}

export interface Selector {
  metric: string;
  /** Label matchers written inside `{…}`: name, operator, value. */
  matchers: Array<{ label: string; op: string; value: string }>;
}

/** Every backend series selector of a PromQL expression. */
export function selectorsOf(expr: string): Selector[] {
  const selectors = [...expr.matchAll(/\b(opentruss_(?:api|memgraph)_[a-z_]+)\s*(?:\{([^}]*)\})?/g)].filter(([, metric]) =>
    isBackendMetric(metric)
  );
  return selectors.map(([, metric, inside]) => ({
    metric,
    matchers: [...(inside ?? '').matchAll(/([a-zA-Z_]\w*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"/g)].map(([, label, op, value]) => ({
      label,
      op,
      value,
    })),
  }));
}

/** Labels named in `by (…)` / `without (…)` clauses. */
export function groupingLabelsOf(expr: string): string[] {
  return [...expr.matchAll(/\b(?:by|without)\s*\(([^)]*)\)/g)].flatMap(([, list]) =>
    list
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean)
  );
}

export interface MetricDefinition {
  kind: 'Counter' | 'Histogram' | 'Gauge';
  name: string;
  labels: string[];
}

/** The Counter/Histogram/Gauge definitions of OpenTruss's backend/app/core/metrics.py (vendored unchanged). */
export function upstreamMetricDefinitions(): MetricDefinition[] {
  const source = fs.readFileSync(path.join(UPSTREAM_DIR, 'backend/app/core/metrics.py'), 'utf8');
  return [...source.matchAll(/\b(Counter|Histogram|Gauge)\(\s*"([^"]+)",\s*"[^"]*",\s*\[([^\]]*)\]/g)].map(([, kind, name, list]) => ({
    kind: kind as MetricDefinition['kind'],
    name,
    labels: [...list.matchAll(/"([^"]+)"/g)].map(([, label]) => label),
  }));
}

/** The middleware's own series (metrics_middleware.py, IN_PROGRESS_METRIC): a gauge without labels. */
export function middlewareMetricDefinitions(): MetricDefinition[] {
  const source = fs.readFileSync(MIDDLEWARE_FILE, 'utf8');
  const name = /^IN_PROGRESS_METRIC = "([^"]+)"$/m.exec(source)?.[1];
  if (!name) {
    throw new Error('metrics_middleware.py no longer defines IN_PROGRESS_METRIC = "<name>"');
  }
  return [{ kind: 'Gauge', name, labels: [] }];
}

/** The series names a definition exports and the labels each carries (prometheus_client's exposition). */
export function exportedSeries(definition: MetricDefinition): Array<{ name: string; labels: string[] }> {
  if (definition.kind === 'Histogram') {
    return [
      { name: `${definition.name}_bucket`, labels: [...definition.labels, 'le'] },
      { name: `${definition.name}_count`, labels: definition.labels },
      { name: `${definition.name}_sum`, labels: definition.labels },
    ];
  }
  return [{ name: definition.name, labels: definition.labels }];
}

/**
 * The Memgraph series OpenTruss's record_memgraph_query() feeds twice per query: the query counter and the
 * duration histogram's observations. Buckets, _count and _sum all double, so only shapes where the factor
 * cancels (a ratio of the same counter, a quantile, sum ÷ count) or that divide it out read true values.
 */
const DOUBLED = /\bopentruss_memgraph_(?:queries_total|query_duration_seconds_(?:bucket|count|sum))\b/;

export type DoubleCountVerdict = 'not affected' | 'ratio of one counter' | 'quantile' | 'halved' | 'WRONG: reads doubled counts';

/** How a shipped query copes with record_memgraph_query's double counting. */
export function doubleCountVerdict(expr: string): DoubleCountVerdict {
  const flat = expr.replace(/\s+/g, ' ').trim();
  if (!DOUBLED.test(flat)) {
    return 'not affected';
  }
  const metrics = new Set(selectorsOf(flat).map((s) => s.metric));
  if (/^histogram_quantile\(/.test(flat) && [...metrics].every((m) => m.endsWith('_bucket'))) {
    return 'quantile';
  }
  // The error-percentage shape: 100 * (sum(rate(C{…, error}[w])) or vector(0)) / sum(rate(C{…}[w])).
  if (metrics.size === 1 && /^100 \* \(sum\(rate\(\w+\{[^}]*\}\[\w+\]\)\) or vector\(0\)\) \/ sum\(rate\(\w+\{[^}]*\}\[\w+\]\)\)$/.test(flat)) {
    return 'ratio of one counter';
  }
  if (/^sum by \([^)]*\) \(rate\(\w+\{[^}]*\}\[\w+\]\)\) \/ 2$/.test(flat)) {
    return 'halved';
  }
  return 'WRONG: reads doubled counts';
}
