// Group opentruss-api-database: the backend's API and its Memgraph queries against ops manual §2.1.2, the
// troubleshooting problems of §4.1 and the stack's health check of §11.2.
import { gatewayMetrics } from '@opentruss/contract';
import { alertGroup } from '../lib/define';
import { VALUE, breach, enforce, panel } from '../lib/describe';
import { NO_DATA } from '../lib/no-data';
import { errorPercentage, p95Seconds } from '../lib/promql';

export const apiDatabaseGroup = alertGroup({
  key: 'apiDatabase',
  name: 'opentruss-api-database',
  interval: '1m',
  alerts: (config) => {
    const s = config.selectors;
    const t = config.thresholds;
    return [
      {
        name: 'HighAPILatency',
        ...enforce(t.apiP95),
        expr: p95Seconds('opentruss_api_request_duration_seconds', s.backend),
        severity: 'warning',
        component: 'backend',
        summary: { zh: 'API 响应缓慢', en: 'API responses are slow' },
        description: {
          zh: `OpenTruss API 的 P95 响应时间为 ${VALUE.duration}，${breach(t.apiP95).zh}。`,
          en: `P95 response time of the OpenTruss API is ${VALUE.duration}, ${breach(t.apiP95).en}.`,
        },
        panel: panel('apiDatabase', 2, {
          zh: 'API 响应时间 (P95)',
          en: 'API response time (P95)',
        }),
        ...NO_DATA.quietIsNormal,
      },
      {
        name: 'HighAPIErrorRate',
        ...enforce(t.apiErrorRate),
        // The manual's expression, rate(http_requests_total{status=~"5.."}[5m]) > 0.05, counts 5xx responses per
        // second; the threshold is a share of all requests, so this is the ratio of 5xx to all requests, in %.
        expr: errorPercentage('opentruss_api_requests_total', s.backend, 'status=~"5.."'),
        severity: 'critical',
        component: 'backend',
        summary: { zh: 'API 错误率过高', en: 'API error rate is high' },
        description: {
          zh: `OpenTruss API 的 5xx 响应占全部请求的 ${VALUE.percent}，${breach(t.apiErrorRate).zh}。`,
          en: `${VALUE.percent} of OpenTruss API requests end in a 5xx response, ${breach(t.apiErrorRate).en}.`,
        },
        panel: panel('apiDatabase', 3, {
          zh: 'API 错误率 (5xx)',
          en: 'API error rate (5xx)',
        }),
        ...NO_DATA.quietIsNormal,
      },
      {
        name: 'DatabaseSlowQuery',
        ...enforce(t.dbQueryTime),
        // The backend records every Memgraph query twice (a duplicated block in record_memgraph_query); quantiles
        // are unaffected by that, only counts are.
        expr: p95Seconds('opentruss_memgraph_query_duration_seconds', s.backend),
        severity: 'warning',
        component: 'database',
        summary: { zh: '数据库查询缓慢', en: 'Database queries are slow' },
        description: {
          zh: `Memgraph 查询的 P95 耗时为 ${VALUE.duration}，${breach(t.dbQueryTime).zh}。`,
          en: `P95 Memgraph query time is ${VALUE.duration}, ${breach(t.dbQueryTime).en}.`,
        },
        panel: panel('apiDatabase', 4, {
          zh: '数据库查询时间 (P95)',
          en: 'Database query time (P95)',
        }),
        ...NO_DATA.quietIsNormal,
      },
      {
        name: 'MemgraphQueryErrors',
        source: '4.1#2',
        // A ratio, so the backend's doubled query counters cancel out.
        expr: errorPercentage('opentruss_memgraph_queries_total', s.backend, 'status="error"'),
        comparator: 'gt',
        value: 5,
        unit: 'percent',
        for: '5m',
        severity: 'critical',
        component: 'database',
        summary: {
          zh: 'Memgraph 查询失败',
          en: 'Memgraph queries are failing',
        },
        description: {
          zh: `后端发往 Memgraph 的查询有 ${VALUE.percent} 失败，已持续 5 分钟高于 5%：数据库可能无法连接。`,
          en: `${VALUE.percent} of the backend's Memgraph queries fail, above 5% for 5 min: the database may be unreachable.`,
        },
        panel: panel('apiDatabase', 5, {
          zh: 'Memgraph 查询失败率',
          en: 'Memgraph query error ratio',
        }),
        ...NO_DATA.quietIsNormal,
      },
      {
        name: 'BoltGatewayRefusalSpike',
        source: '7.3',
        // Dashboards never write, so refusals come from a person or a tool trying to: a few per minute is a probe.
        expr: `sum(rate(${gatewayMetrics.refusalsTotal}{${s.gateway}}[5m])) * 60`,
        comparator: 'gt',
        value: 5,
        unit: 'count',
        for: '5m',
        severity: 'warning',
        component: 'database',
        summary: {
          zh: 'Bolt 网关拒绝的语句激增',
          en: 'Spike of statements refused by the Bolt gateway',
        },
        description: {
          zh: `Bolt 网关每分钟拒绝 ${VALUE.count} 条写入、管理或未列入白名单的语句，已持续 5 分钟高于 5 条：有人正在用查看者凭据尝试写入。`,
          en: `The Bolt gateway refuses ${VALUE.count} write, administrative or unlisted-procedure statements per minute, above 5 for 5 min: someone is trying to write with the viewer credential.`,
        },
        panel: panel('apiDatabase', 7, {
          zh: 'Bolt 网关拒绝的语句（每分钟）',
          en: 'Statements refused by the Bolt gateway (per minute)',
        }),
        noDataState: 'OK',
        noDataReason: {
          zh: '没有序列说明网关没有被抓取，由 BoltGatewayDown 负责报告。',
          en: 'No series means the gateway is not scraped, which BoltGatewayDown reports.',
        },
      },
    ];
  },
});
