// Group opentruss-connections: the manual's active connections (§2.1.2, normal < 1000, alert > 2000) counted where
// connections really end. Clients of published container ports reach the containers through DNAT and never appear
// in the host's TCP table (node_netstat_Tcp_CurrEstab counts the host's network namespace only), so each entry
// point counts its own: OpenTruss's nginx (stub_status, through the official nginx-prometheus-exporter on the
// join-OpenTruss route) for browsers and API clients, the Bolt gateway's client gauge for dashboards and Bolt
// tools, and the OpenTruss backend's requests in flight (opentruss_api_requests_in_progress, from this project's API
// middleware, deploy/opentruss-instrumentation): each a request holding a connection to the backend right now. Each
// entry point is held to the manual's limits on its own.
import { gatewayMetrics } from '@opentruss/contract';
import { alertGroup } from '../lib/define';
import { LABEL, VALUE, breach, enforce, panel } from '../lib/describe';

/** What is counted at the entry point: the backend counts requests in flight, the others connections. */
const WHAT = {
  zh: '{{ if eq $labels.entry "backend" }}正在处理的请求{{ else }}活跃的客户端连接{{ end }}',
  en: '{{ if eq $labels.entry "backend" }}requests in flight{{ else }}active client connections{{ end }}',
};

/** Labels a per-instance sum with the entry point it was counted at. */
const entry = (name: string, expr: string) => `label_replace(${expr}, "entry", "${name}", "", "")`;

export const connectionsGroup = alertGroup({
  key: 'connections',
  name: 'opentruss-connections',
  interval: '1m',
  alerts: (config) => {
    const s = config.selectors;
    const t = config.thresholds;
    return [
      {
        name: 'HighActiveConnections',
        // The manual says "-"; 5 minutes tell a crowd from a reconnect storm after a restart, which drains in
        // seconds.
        ...enforce(t.activeConnections, '5m'),
        expr: [
          entry('nginx', `sum by (instance) (nginx_connections_active{${s.nginx}})`),
          `or`,
          entry('bolt-gateway', `sum by (instance) (${gatewayMetrics.clientConnections}{${s.gateway}})`),
          `or`,
          entry('backend', `sum by (instance) (opentruss_api_requests_in_progress{${s.backend}})`),
        ].join('\n'),
        severity: 'warning',
        component: 'backend',
        summary: { zh: '活跃连接数过多', en: 'Too many active connections' },
        description: {
          zh: `{{ $labels.entry }}（${LABEL.instance}）当前有 ${VALUE.count} 个${WHAT.zh}，${breach(t.activeConnections, '5m').zh}。`,
          en: `{{ $labels.entry }} (${LABEL.instance}) has ${VALUE.count} ${WHAT.en}, ${breach(t.activeConnections, '5m').en}.`,
        },
        panel: panel('system', 6, { zh: '活跃连接数（各入口）', en: 'Active connections (per entry point)' }),
        noDataState: 'OK',
        noDataReason: {
          zh: '没有序列说明入口没有被抓取（nginx 和后端只在接入 OpenTruss 时抓取，后端还需装上本项目的 API 中间件）；网关由 BoltGatewayDown 负责，后端由 OpenTrussBackendDown 负责。',
          en: 'No series means no entry point is scraped (nginx and the backend only on the join-OpenTruss route, the backend with this project’s API middleware installed); the gateway is BoltGatewayDown’s job, the backend OpenTrussBackendDown’s.',
        },
      },
    ];
  },
});
