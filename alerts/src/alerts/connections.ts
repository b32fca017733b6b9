// Group opentruss-connections: the manual's active connections (§2.1.2, normal < 1000, alert > 2000) counted where
// connections really end. Clients of published container ports reach the containers through DNAT and never appear
// in the host's TCP table (node_netstat_Tcp_CurrEstab counts the host's network namespace only), so each entry
// point counts its own: OpenTruss's nginx (stub_status, through the official nginx-prometheus-exporter on the
// join-OpenTruss route) for browsers and API clients, and the Bolt gateway's client gauge for dashboards and Bolt
// tools. Each entry point is held to the manual's limits on its own.
import { gatewayMetrics } from '@opentruss/contract';
import { alertGroup } from '../lib/define';
import { LABEL, VALUE, breach, enforce, panel } from '../lib/describe';

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
        ].join('\n'),
        severity: 'warning',
        component: 'backend',
        summary: { zh: '活跃连接数过多', en: 'Too many active connections' },
        description: {
          zh: `{{ $labels.entry }}（${LABEL.instance}）当前有 ${VALUE.count} 个活跃的客户端连接，${breach(t.activeConnections, '5m').zh}。`,
          en: `{{ $labels.entry }} (${LABEL.instance}) has ${VALUE.count} active client connections, ${breach(t.activeConnections, '5m').en}.`,
        },
        panel: panel('system', 6, { zh: '活跃连接数（各入口）', en: 'Active connections (per entry point)' }),
        noDataState: 'OK',
        noDataReason: {
          zh: '没有序列说明入口没有被抓取（nginx 只在接入 OpenTruss 时抓取）；网关由 BoltGatewayDown 负责。',
          en: 'No series means no entry point is scraped (nginx only on the join-OpenTruss route); the gateway is BoltGatewayDown’s job.',
        },
      },
    ];
  },
});
