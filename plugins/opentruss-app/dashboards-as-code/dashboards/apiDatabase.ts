// API and database: the backend's own metrics (opentruss_*), every API/DB alert's home panel, request and query
// breakdowns, and the host's established connections.
import { SELECTORS } from '@opentruss/alerts';
import { gatewayMetrics, replicationMetrics } from '@opentruss/contract';
import { alertContextTimeseries, alertDescription, alertParts, alertTimeseries } from '../panels/alertPanels';
import { at } from '../panels/grid';
import { logsDashboardLink, logsDataLink } from '../panels/links';
import { describe } from '../panels/text';
import { promTarget } from '../queries/prometheus';
import { upStat } from '../panels/upStat';
import { baseDashboard } from './base';
import { timeseries } from '../panels/timeseries';

const BACKEND = SELECTORS.backend;
const GATEWAY = SELECTORS.gateway;

export function backendUpStat(options: { id?: number } = {}) {
  return upStat(
    'OpenTrussBackendDown',
    '后端在线状态 / Backend up',
    'Whether Prometheus can scrape the OpenTruss backend’s GET /metrics (1 = up). Only the demo profile and the join-OpenTruss route have a backend target; without one the panel is empty and nothing pages.',
    options
  );
}

function gatewayUpStat(options: { id?: number } = {}) {
  return upStat(
    'BoltGatewayDown',
    'Bolt 网关在线状态 / Bolt gateway up',
    'Whether Prometheus can scrape the Bolt gateway’s GET /metrics (1 = up); every Memgraph panel goes through the gateway.',
    options
  );
}

/** The backend's ERROR/CRITICAL lines, and Memgraph's and the backend's lines, of the minutes around a point. */
const BACKEND_ERROR_LOGS = logsDataLink('后端错误日志（前后 5 分钟）/ Backend error logs (±5 min)', [
  ['service', 'backend'],
  ['level', 'error'],
  ['level', 'critical'],
]);
const DATABASE_LOGS = logsDataLink('Memgraph 与后端日志（前后 5 分钟）/ Memgraph and backend logs (±5 min)', [
  ['service', 'memgraph'],
  ['service', 'backend'],
]);

function replicaUpStat() {
  return upStat(
    'MemgraphReplicaDown',
    '副本在线状态 / Replica up',
    'Whether MAIN reaches the Memgraph replica the gateway and the business exporter read (1 = ready, replicating or recovery; 0 = invalid, diverged or unregistered), from MAIN’s SHOW REPLICAS.',
    { legend: '{{replica}}' }
  );
}

const p95By = (histogram: string, label: string) =>
  `histogram_quantile(0.95, sum by (le, ${label}) (rate(${histogram}_bucket{${BACKEND}}[$__rate_interval])))`;

export function apiDatabaseDashboard() {
  const connections = alertParts('HighActiveConnections');
  return baseDashboard('apiDatabase', { from: 'now-6h', refresh: '1m', datasources: ['prometheus'], links: [logsDashboardLink()] })
    .withPanel(backendUpStat().gridPos(at(0, 0, 4, 8)))
    .withPanel(
      alertTimeseries('HighAPILatency', {
        legend: 'P95',
        what: '95th percentile of API response time over all endpoints (opentruss_api_request_duration_seconds).',
      }).gridPos(at(4, 0, 10, 8))
    )
    .withPanel(
      alertTimeseries('HighAPIErrorRate', {
        legend: '5xx %',
        what: 'Share of API requests answered with a 5xx status (opentruss_api_requests_total).',
      })
        .dataLinks([BACKEND_ERROR_LOGS])
        .gridPos(at(14, 0, 10, 8))
    )
    .withPanel(
      timeseries()
        .id(20)
        .title('各接口请求速率 / Request rate by endpoint')
        .description(
          describe(
            'Requests per second to each API endpoint (all methods and statuses).',
            '每个 API 接口每秒的请求数（所有方法和状态码）。'
          )
        )
        .withTarget(
          promTarget(
            `sum by (endpoint) (rate(opentruss_api_requests_total{${BACKEND}}[$__rate_interval]))`,
            '{{endpoint}}'
          )
        )
        .unit('reqps')
        .gridPos(at(0, 8, 12, 8))
    )
    .withPanel(
      alertContextTimeseries('HighAPILatency', {
        id: 21,
        title: '各接口 P95 响应时间 / API P95 by endpoint',
        description: describe(
          'The 95th percentile response time of each endpoint, with the API latency lines (amber: normal < 200 ms, red: alert at 500 ms): find the endpoint behind a HighAPILatency alert.',
          '每个接口的 P95 响应时间，带 API 响应时间的琥珀线和红线：找出触发 HighAPILatency 的接口。'
        ),
        expr: p95By('opentruss_api_request_duration_seconds', 'endpoint'),
        legend: '{{endpoint}}',
      }).gridPos(at(12, 8, 12, 8))
    )
    .withPanel(
      alertTimeseries('DatabaseSlowQuery', {
        legend: 'P95',
        what: '95th percentile of Memgraph query time as the backend measures it (opentruss_memgraph_query_duration_seconds).',
      })
        .dataLinks([DATABASE_LOGS])
        .gridPos(at(0, 16, 12, 8))
    )
    .withPanel(
      alertContextTimeseries('DatabaseSlowQuery', {
        id: 22,
        title: '各查询类型 P95 耗时 / Query time P95 by query type',
        description: describe(
          'The 95th percentile of Memgraph query time per query type (the first keyword of the Cypher text: MATCH, CREATE, MERGE, … OTHER), with the database query time lines (amber: normal < 100 ms, red: alert at 500 ms).',
          '按查询类型（Cypher 的第一个关键字）统计的 Memgraph 查询 P95 耗时，带数据库查询时间的琥珀线和红线。'
        ),
        expr: p95By('opentruss_memgraph_query_duration_seconds', 'query_type'),
        legend: '{{query_type}}',
      })
        .dataLinks([DATABASE_LOGS])
        .gridPos(at(12, 16, 12, 8))
    )
    .withPanel(
      alertTimeseries('MemgraphQueryErrors', {
        legend: 'error %',
        what: 'Share of the backend’s Memgraph queries that failed (a ratio, so the backend’s doubled counters cancel out).',
      })
        .dataLinks([DATABASE_LOGS])
        .gridPos(at(0, 24, 12, 8))
    )
    .withPanel(
      timeseries()
        .id(23)
        .title('各查询类型查询速率 / Queries per second by type')
        .description(
          describe(
            'Memgraph queries per second by query type and outcome. The OpenTruss backend counts every query twice (record_memgraph_query runs its body twice), so this panel halves the counter’s rate; drop the “/ 2” once the backend is fixed.',
            '按查询类型和结果统计的每秒 Memgraph 查询数。OpenTruss 后端把每个查询计数两次（record_memgraph_query 的函数体重复），本面板已除以 2；后端修复后去掉“/ 2”。'
          )
        )
        .withTarget(
          promTarget(
            `sum by (query_type, status) (rate(opentruss_memgraph_queries_total{${BACKEND}}[$__rate_interval])) / 2`,
            '{{query_type}} {{status}}'
          )
        )
        .unit('ops')
        .gridPos(at(12, 24, 12, 8))
    )
    .withPanel(
      alertContextTimeseries('HighActiveConnections', {
        id: 24,
        title: '活跃连接数 / Active connections',
        description: alertDescription(
          connections,
          'Active client connections where they end: OpenTruss’s nginx (stub_status, join-OpenTruss route), the Bolt gateway, and the OpenTruss backend’s requests in flight (opentruss_api_requests_in_progress, from this project’s API middleware), each held to the manual’s limits on its own. The alert’s home panel is on the System resources dashboard.'
        ),
        expr: connections.spec.expr,
        legend: '{{entry}} {{instance}}',
      }).gridPos(at(0, 32, 24, 8))
    )
    // The Bolt gateway: every Memgraph query of the dashboards goes through it.
    .withPanel(gatewayUpStat().gridPos(at(0, 40, 4, 4)))
    .withPanel(
      upStat(
        'MemgraphDown',
        'Memgraph 在线状态 / Memgraph up',
        'Whether the Bolt gateway completes a Bolt handshake with Memgraph at each scrape (opentruss_bolt_gateway_upstream_up, 1 = up, best of all gateways).',
        {}
      ).gridPos(at(0, 44, 4, 4))
    )
    .withPanel(
      alertTimeseries('BoltGatewayRefusalSpike', {
        legend: 'refused / min',
        what: 'Statements the gateway refused per minute (writes, administrative statements, procedures off the allowlist); they never reached Memgraph.',
      }).gridPos(at(4, 40, 10, 8))
    )
    .withPanel(
      timeseries()
        .id(25)
        .title('Bolt 网关连接数 / Bolt gateway connections')
        .description(
          describe(
            'Open client connections by transport (tcp, websocket: each viewer’s browser holds a few) and the gateway’s connections to Memgraph (one per logged-in client).',
            '按传输方式统计的客户端连接数（每个查看者的浏览器会保持几个连接），以及网关到 Memgraph 的连接数（每个已登录客户端一个）。'
          )
        )
        .withTarget(promTarget(`sum by (transport) (${gatewayMetrics.clientConnections}{${GATEWAY}})`, 'clients {{transport}}'))
        .withTarget(promTarget(`sum(${gatewayMetrics.upstreamConnections}{${GATEWAY}})`, 'to Memgraph'))
        .unit('short')
        .gridPos(at(14, 40, 10, 8))
    )
    .withPanel(
      timeseries()
        .id(26)
        .title('Bolt 网关查询结果 / Bolt gateway queries by outcome')
        .description(
          describe(
            'Queries per second through the gateway by outcome: completed, discarded, failed (Memgraph’s error), refused (never sent), reset, disconnected, timed_out.',
            '经过网关的每秒查询数，按结果分类：completed、discarded、failed（Memgraph 报错）、refused（未发送）、reset、disconnected、timed_out。'
          )
        )
        .withTarget(promTarget(`sum by (outcome) (rate(${gatewayMetrics.queriesTotal}{${GATEWAY}}[$__rate_interval]))`, '{{outcome}}'))
        .unit('ops')
        .gridPos(at(0, 48, 12, 8))
    )
    .withPanel(
      timeseries()
        .id(27)
        .title('Bolt 网关查询耗时 P95 / Bolt gateway query time P95')
        .description(
          describe(
            'The 95th percentile time from RUN to the end of its result through the gateway, as the dashboards’ Memgraph panels experience it.',
            '经过网关从 RUN 到结果结束的 P95 耗时，即仪表盘 Memgraph 面板实际感受到的耗时。'
          )
        )
        .withTarget(
          promTarget(
            `histogram_quantile(0.95, sum by (le) (rate(${gatewayMetrics.queryDuration}_bucket{${GATEWAY}}[$__rate_interval])))`,
            'P95'
          )
        )
        .unit('s')
        .gridPos(at(12, 48, 12, 8))
    )
    // The replica the gateway reads (docs/replica.md): MAIN's SHOW REPLICAS through the replication exporter.
    .withPanel(replicaUpStat().gridPos(at(0, 56, 4, 8)))
    .withPanel(
      alertTimeseries('MemgraphReplicaBehind', {
        legend: '{{replica}}',
        what: 'Commit timestamps the replica is behind MAIN (SHOW REPLICAS data_info behind): ASYNC replication keeps it at 0 but for milliseconds.',
      }).gridPos(at(4, 56, 10, 8))
    )
    .withPanel(
      timeseries()
        .id(28)
        .title('副本复制状态 / Replica replication status')
        .description(
          describe(
            'The replica’s status in MAIN’s SHOW REPLICAS: ready, replicating, recovery (catching up from snapshots and WAL), invalid (MAIN cannot reach it), diverged, or unregistered.',
            'MAIN 的 SHOW REPLICAS 中副本的状态：ready、replicating、recovery（从快照和 WAL 追赶）、invalid（MAIN 连不上）、diverged 或 unregistered（未注册）。'
          )
        )
        .withTarget(promTarget(`${replicationMetrics.replicaStatus}{${SELECTORS.replication}} == 1`, '{{replica}} {{status}}'))
        .unit('none')
        .gridPos(at(14, 56, 10, 8))
    );
}
