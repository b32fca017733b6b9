// Input series and expected outcomes for promtool's rule unit tests, one scenario per alert. The expected values
// and texts are worked out by hand from the series (e.g. idle CPU rising 6 s per minute = 90% usage), so the
// rules are checked against arithmetic done independently of the rule generator.
import type { AlertName } from '../../src';
import { BACKUP_SCENARIOS } from './backup-scenarios';
import { CAPACITY_SCENARIOS } from './capacity-scenarios';
import { REPLICATION_SCENARIOS } from './replication-scenarios';

export interface InputSeries {
  series: string;
  values: string;
}

export interface FiringAlert {
  /** The alert's labels except the rule's fixed team/service/component labels; includes `severity`. */
  labels: Record<string, string>;
  /** The description as Prometheus renders it: Chinese line, then English line. */
  description: [zh: string, en: string];
}

export interface AlertScenario {
  alert: AlertName;
  /** Spacing of the input samples. */
  interval: '1m' | '5m';
  /** A time when the busy cases' condition has held for less than `for`: pending, not firing (none when `for` is 0). */
  pendingAt?: string;
  /** A time when the busy cases' condition has held for at least `for`: firing. */
  firingAt: string;
  /** Below the threshold (or excluded by the selectors): no alert at all, not even pending. */
  calm: Array<{ name: string; series: InputSeries[] }>;
  /** Above the threshold: exactly these alerts. */
  busy: Array<{ name: string; series: InputSeries[]; alerts: FiringAlert[] }>;
}

const HOST = 'host:9100';
const BACKEND = 'backend:8000';
// Counters start high, as on a long-running host: a counter starting at 0 would make Prometheus limit rate()'s
// extrapolation at the zero point, an artefact of test data rather than of real counters.

function series(metric: string, labels: Record<string, string>, values: string): InputSeries {
  const text = Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(',');
  return { series: `${metric}{${text}}`, values };
}

const business = (metric: string, labels: Record<string, string>, values: string) =>
  series(metric, { job: 'opentruss-business', instance: 'business-exporter:9466', ...labels }, values);
const BUILDING_A = { project: 'project_001', building: 'building_001_01' };
const BUILDING_B = { project: 'project_001', building: 'building_001_02' };
const BUILDING_C = { project: 'project_002', building: 'building_002_01' };
const DAY = 86_400;

/** Approvals and rejections of the last 24 h, constant, per building. */
const decisions = (building: Record<string, string>, approvals: number, rejections: number) => [
  business('opentruss_business_approval_events_24h', { ...building, action: 'APPROVE' }, `${approvals}+0x60`),
  business('opentruss_business_approval_events_24h', { ...building, action: 'REJECT' }, `${rejections}+0x60`),
];

/** A building whose oldest waiting lot has waited `days` at time 0 (and keeps waiting), last approved `lastDaysAgo` before time 0. */
const waiting = (building: Record<string, string>, days: number, lastDaysAgo: number | null) => [
  business('opentruss_business_oldest_awaiting_approval_age_seconds', building, `${days * DAY}+60x100`),
  ...(lastDaysAgo === null
    ? []
    : [business('opentruss_business_last_approval_timestamp_seconds', building, `${-lastDaysAgo * DAY}+0x100`)]),
];

const STALE_25_MIN: FiringAlert['description'] = [
  '业务导出器已 25 分钟没有从 Memgraph 成功采集（阈值 15 分钟）：导出器停止、无法被抓取，或无法查询 Memgraph。业务告警在此期间不可靠。',
  'The business exporter has not collected from Memgraph successfully for 25 min (threshold 15 min): it is down, not scraped, or cannot query Memgraph. Business alerts are blind meanwhile.',
];

const node = (metric: string, labels: Record<string, string>, values: string) =>
  series(metric, { job: 'node-exporter', instance: HOST, ...labels }, values);
const backend = (metric: string, labels: Record<string, string>, values: string) =>
  series(metric, { job: 'opentruss-backend', instance: BACKEND, ...labels }, values);

const GATEWAY = 'bolt-gateway:9187';
const gateway = (metric: string, labels: Record<string, string>, values: string) =>
  series(metric, { job: 'bolt-gateway', instance: GATEWAY, ...labels }, values);

const LOKI = 'loki:3100';
const ALLOY = 'alloy:12345';
const loki = (values: string) => series('up', { job: 'loki', instance: LOKI }, values);
const alloy = (values: string) => series('up', { job: 'alloy', instance: ALLOY }, values);
const NGINX_EXPORTER = 'nginx-exporter:9113';
const nginxExporter = (metric: string, labels: Record<string, string>, values: string) =>
  series(metric, { job: 'opentruss-nginx', instance: NGINX_EXPORTER, ...labels }, values);

const ROOT_FS = { device: '/dev/vda', fstype: 'ext4', mountpoint: '/' };
const TMPFS = { device: 'tmpfs', fstype: 'tmpfs', mountpoint: '/run' };

/** A host with 10 GB of RAM and the given MemAvailable samples. */
const memory = (available: string) => [
  node('node_memory_MemTotal_bytes', {}, '10000000000+0x30'),
  node('node_memory_MemAvailable_bytes', {}, available),
];

/** A filesystem of 100 GB with the given free space. */
const filesystem = (labels: Record<string, string>, available: string) => [
  node('node_filesystem_size_bytes', labels, '100000000000+0x10'),
  node('node_filesystem_avail_bytes', labels, available),
];

/** Requests per minute by status code, for one endpoint. */
const requests = (endpoint: string, perMinute: Record<string, number>) =>
  Object.entries(perMinute).map(([status, n]) =>
    backend('opentruss_api_requests_total', { method: 'GET', endpoint, status }, `1000000000+${n}x30`)
  );

/** Memgraph queries per minute by outcome, counted twice as the backend does. */
const memgraphQueries = (errors: number, successes: number) => [
  backend('opentruss_memgraph_queries_total', { query_type: 'MATCH', status: 'error' }, `1000000000+${2 * errors}x30`),
  backend(
    'opentruss_memgraph_queries_total',
    { query_type: 'MATCH', status: 'success' },
    `1000000000+${2 * successes}x30`
  ),
];

/**
 * A network interface: its reported speed in bytes/s (`null`: none reported) and traffic in bytes per second
 * each way; counters grow by 60 × that per one-minute sample.
 */
function nic(device: string, speedBytes: number | null, receivePerSecond: number, transmitPerSecond: number) {
  const counter = (perSecond: number) => `1000000000+${perSecond * 60}x30`;
  return [
    ...(speedBytes === null ? [] : [node('node_network_speed_bytes', { device }, `${speedBytes}+0x30`)]),
    node('node_network_receive_bytes_total', { device }, counter(receivePerSecond)),
    node('node_network_transmit_bytes_total', { device }, counter(transmitPerSecond)),
  ];
}

/** Histogram buckets where every observation falls between `from` and `to` seconds (P95 = from + 0.95·(to − from)). */
function histogram(metric: string, labels: Record<string, string>, from: string, to: string, perMinute: number) {
  return [
    backend(`${metric}_bucket`, { ...labels, le: from }, '1000000000+0x30'),
    backend(`${metric}_bucket`, { ...labels, le: to }, `1000000000+${perMinute}x30`),
    backend(`${metric}_bucket`, { ...labels, le: '+Inf' }, `1000000000+${perMinute}x30`),
  ];
}

export const SCENARIOS: AlertScenario[] = [
  {
    alert: 'HighCPUUsage',
    interval: '1m',
    pendingAt: '4m',
    firingAt: '10m',
    // Idle time grows 42 s per 60 s → 30% busy; 6 s per 60 s → 90% busy.
    calm: [
      { name: '30% CPU', series: [node('node_cpu_seconds_total', { cpu: '0', mode: 'idle' }, '1000000000+42x30')] },
    ],
    busy: [
      {
        name: '90% CPU',
        series: [
          node('node_cpu_seconds_total', { cpu: '0', mode: 'idle' }, '1000000000+6x30'),
          node('node_cpu_seconds_total', { cpu: '0', mode: 'user' }, '1000000000+54x30'),
        ],
        alerts: [
          {
            labels: { instance: HOST, severity: 'warning' },
            description: [
              `${HOST} 的 CPU 使用率为 90.0%，持续 5 分钟高于 85%（正常 < 70%）。`,
              `CPU usage of ${HOST} is 90.0%, above 85% for 5 min (normal < 70%).`,
            ],
          },
        ],
      },
    ],
  },
  {
    alert: 'HighMemoryUsage',
    interval: '1m',
    pendingAt: '4m',
    firingAt: '6m',
    calm: [
      {
        name: '60% used',
        series: memory('4000000000+0x30'),
      },
    ],
    busy: [
      {
        name: '95% used',
        series: memory('500000000+0x30'),
        alerts: [
          {
            labels: { instance: HOST, job: 'node-exporter', severity: 'warning' },
            description: [
              `${HOST} 的内存使用率为 95.0%，持续 5 分钟高于 90%（正常 < 80%）。`,
              `Memory usage of ${HOST} is 95.0%, above 90% for 5 min (normal < 80%).`,
            ],
          },
        ],
      },
    ],
  },
  {
    alert: 'HighDiskUsage',
    interval: '1m',
    pendingAt: '3m',
    firingAt: '6m',
    calm: [
      {
        name: 'root 70% full, a 99% full tmpfs and overlay do not count',
        series: [
          ...filesystem(ROOT_FS, '30000000000+0x10'),
          ...filesystem(TMPFS, '1000000000+0x10'),
          ...filesystem(
            { device: 'overlay', fstype: 'overlay', mountpoint: '/var/lib/docker/overlay2/x/merged' },
            '1000000000+0x10'
          ),
        ],
      },
    ],
    busy: [
      {
        name: 'root 95% full',
        series: filesystem(ROOT_FS, '5000000000+0x10'),
        alerts: [
          {
            labels: { ...ROOT_FS, instance: HOST, job: 'node-exporter', severity: 'critical' },
            description: [
              `${HOST} 上 /（/dev/vda）的磁盘使用率为 95.0%，持续 5 分钟高于 90%（正常 < 80%）。`,
              `Disk usage of / (/dev/vda) on ${HOST} is 95.0%, above 90% for 5 min (normal < 80%).`,
            ],
          },
        ],
      },
    ],
  },
  {
    alert: 'HighDiskIOUtilization',
    interval: '1m',
    pendingAt: '8m',
    firingAt: '12m',
    // io_time grows 30 s per 60 s → 50% busy; 57 s per 60 s → 95%. Loop devices are not disks.
    calm: [
      {
        name: 'vda 50% busy, loop0 100% busy',
        series: [
          node('node_disk_io_time_seconds_total', { device: 'vda' }, '1000000000+30x30'),
          node('node_disk_io_time_seconds_total', { device: 'loop0' }, '1000000000+60x30'),
        ],
      },
    ],
    busy: [
      {
        name: 'vda 95% busy',
        series: [node('node_disk_io_time_seconds_total', { device: 'vda' }, '1000000000+57x30')],
        alerts: [
          {
            labels: { device: 'vda', instance: HOST, job: 'node-exporter', severity: 'warning' },
            description: [
              `${HOST} 上磁盘 vda 的 I/O 利用率为 95.0%，持续 5 分钟高于 90%（正常 < 80%）。`,
              `I/O utilisation of disk vda on ${HOST} is 95.0%, above 90% for 5 min (normal < 80%).`,
            ],
          },
        ],
      },
    ],
  },
  {
    alert: 'HighNetworkBandwidthUsage',
    interval: '1m',
    pendingAt: '8m',
    firingAt: '12m',
    // eth0 is virtual (speed -1 Mbit/s = -125000 B/s): capacity falls back to 1000 Mbit/s = 125 MB/s.
    // eth1 reports 100 Mbit/s = 12.5 MB/s.
    calm: [
      {
        name: 'eth0 receives 50 MB/s (40%), eth1 sends 5 MB/s (40%), loopback is not counted',
        series: [...nic('eth0', -125000, 50e6, 1e6), ...nic('eth1', 12.5e6, 0, 5e6), ...nic('lo', null, 1e9, 1e9)],
      },
    ],
    busy: [
      {
        name: 'eth0 receives 120 MB/s (96% of the fallback capacity), eth1 sends 12 MB/s (96% of its link speed)',
        series: [...nic('eth0', -125000, 120e6, 1e6), ...nic('eth1', 12.5e6, 0, 12e6)],
        alerts: ['eth0', 'eth1'].map((nic) => ({
          labels: { device: nic, instance: HOST, severity: 'warning' },
          description: [
            `${HOST} 上网卡 ${nic} 较忙方向的带宽利用率为 96.0%，持续 5 分钟高于 90%（正常 < 80%）。`,
            `Bandwidth utilisation of ${nic} on ${HOST} (busier direction) is 96.0%, above 90% for 5 min (normal < 80%).`,
          ] as [string, string],
        })),
      },
    ],
  },
  {
    alert: 'HighActiveConnections',
    interval: '1m',
    pendingAt: '3m',
    firingAt: '6m',
    // Each entry point on its own: exactly 2000 is not above the limit, and 1500 + 1500 at two entry points is not
    // 3000 at one. The host's TCP table is not read at all (clients of published ports never appear in it).
    calm: [
      {
        name: 'nginx and the backend at exactly 2000, the gateway at 1500 over two transports, the host table at 5000',
        series: [
          nginxExporter('nginx_connections_active', {}, '2000+0x10'),
          gateway('opentruss_bolt_gateway_client_connections', { transport: 'tcp' }, '750+0x10'),
          gateway('opentruss_bolt_gateway_client_connections', { transport: 'websocket' }, '750+0x10'),
          node('node_netstat_Tcp_CurrEstab', {}, '5000+0x10'),
          backend('opentruss_api_requests_in_progress', {}, '2000+0x10'),
        ],
      },
    ],
    busy: [
      {
        name: 'nginx at 2500, the gateway at 2001 over two transports, the backend at 2001 requests in flight',
        series: [
          nginxExporter('nginx_connections_active', {}, '2500+0x10'),
          gateway('opentruss_bolt_gateway_client_connections', { transport: 'tcp' }, '1+0x10'),
          gateway('opentruss_bolt_gateway_client_connections', { transport: 'websocket' }, '2000+0x10'),
          backend('opentruss_api_requests_in_progress', {}, '2001+0x10'),
        ],
        alerts: [
          {
            labels: { entry: 'nginx', instance: NGINX_EXPORTER, severity: 'warning' },
            description: [
              `nginx（${NGINX_EXPORTER}）当前有 2500 个活跃的客户端连接，持续 5 分钟高于 2000（正常 < 1000）。`,
              `nginx (${NGINX_EXPORTER}) has 2500 active client connections, above 2000 for 5 min (normal < 1000).`,
            ],
          },
          {
            labels: { entry: 'bolt-gateway', instance: GATEWAY, severity: 'warning' },
            description: [
              `bolt-gateway（${GATEWAY}）当前有 2001 个活跃的客户端连接，持续 5 分钟高于 2000（正常 < 1000）。`,
              `bolt-gateway (${GATEWAY}) has 2001 active client connections, above 2000 for 5 min (normal < 1000).`,
            ],
          },
          {
            labels: { entry: 'backend', instance: BACKEND, severity: 'warning' },
            description: [
              `backend（${BACKEND}）当前有 2001 个正在处理的请求，持续 5 分钟高于 2000（正常 < 1000）。`,
              `backend (${BACKEND}) has 2001 requests in flight, above 2000 for 5 min (normal < 1000).`,
            ],
          },
        ],
      },
    ],
  },
  {
    alert: 'OpenTrussBackendDown',
    interval: '1m',
    pendingAt: '0m',
    firingAt: '2m',
    calm: [
      { name: 'backend scraped', series: [backend('up', {}, '1x10')] },
      // A plain `docker compose up` has no backend and no backend target: nothing to page about.
      { name: 'no backend target at all (only node-exporter is scraped)', series: [node('up', {}, '1x10')] },
    ],
    busy: [
      {
        name: 'scrape failing',
        series: [backend('up', {}, '0x10')],
        alerts: [
          {
            labels: { instance: BACKEND, job: 'opentruss-backend', severity: 'critical' },
            description: [
              `Prometheus 已连续 1 分钟无法抓取 OpenTruss 后端 ${BACKEND} 的 /metrics（up = 0）：前端的所有操作都会失败，API 和数据库告警失去数据。`,
              `Prometheus has failed to scrape /metrics of the OpenTruss backend ${BACKEND} for 1 min (up = 0): every action in the frontend fails, and the API and database alerts lose their data.`,
            ],
          },
        ],
      },
    ],
  },
  {
    alert: 'HighAPILatency',
    interval: '1m',
    pendingAt: '4m',
    firingAt: '10m',
    calm: [
      {
        name: 'all requests within 50–100 ms (P95 97.5 ms)',
        series: histogram(
          'opentruss_api_request_duration_seconds',
          { method: 'GET', endpoint: '/api/v1/elements' },
          '0.05',
          '0.1',
          10
        ),
      },
    ],
    busy: [
      {
        name: 'all requests within 0.5–1 s (P95 975 ms)',
        series: histogram(
          'opentruss_api_request_duration_seconds',
          { method: 'GET', endpoint: '/api/v1/elements' },
          '0.5',
          '1.0',
          10
        ),
        alerts: [
          {
            labels: { severity: 'warning' },
            description: [
              'OpenTruss API 的 P95 响应时间为 975ms，持续 5 分钟高于 500 ms（正常 < 200 ms）。',
              'P95 response time of the OpenTruss API is 975ms, above 500 ms for 5 min (normal < 200 ms).',
            ],
          },
        ],
      },
    ],
  },
  {
    alert: 'HighAPIErrorRate',
    interval: '1m',
    pendingAt: '4m',
    firingAt: '10m',
    calm: [
      { name: '1 error in 100 requests', series: requests('/api/v1/elements', { '500': 1, '200': 99 }) },
      { name: 'traffic without any 5xx series yet', series: requests('/health', { '200': 60 }) },
      { name: 'a 404 is not a server error', series: requests('/api/v1/elements', { '404': 50, '200': 50 }) },
    ],
    busy: [
      {
        name: '1 error in 10 requests (a 5xx ratio, not 5xx per second: 1/60 s would never pass the manual’s 0.05)',
        series: requests('/api/v1/lots', { '503': 1, '200': 9 }),
        alerts: [
          {
            labels: { severity: 'critical' },
            description: [
              'OpenTruss API 的 5xx 响应占全部请求的 10.0%，持续 5 分钟高于 5%（正常 < 1%）。',
              '10.0% of OpenTruss API requests end in a 5xx response, above 5% for 5 min (normal < 1%).',
            ],
          },
        ],
      },
    ],
  },
  {
    alert: 'DatabaseSlowQuery',
    interval: '1m',
    pendingAt: '4m',
    firingAt: '10m',
    // The backend observes every query twice; doubled counts leave the quantile unchanged.
    calm: [
      {
        name: 'queries within 50–100 ms (P95 97.5 ms)',
        series: histogram('opentruss_memgraph_query_duration_seconds', { query_type: 'MATCH' }, '0.05', '0.1', 20),
      },
    ],
    busy: [
      {
        name: 'queries within 0.5–1 s (P95 975 ms)',
        series: histogram('opentruss_memgraph_query_duration_seconds', { query_type: 'MATCH' }, '0.5', '1.0', 20),
        alerts: [
          {
            labels: { severity: 'warning' },
            description: [
              'Memgraph 查询的 P95 耗时为 975ms，持续 5 分钟高于 500 ms（正常 < 100 ms）。',
              'P95 Memgraph query time is 975ms, above 500 ms for 5 min (normal < 100 ms).',
            ],
          },
        ],
      },
    ],
  },
  {
    alert: 'MemgraphQueryErrors',
    interval: '1m',
    pendingAt: '4m',
    firingAt: '10m',
    calm: [
      {
        name: '1% of queries fail',
        series: memgraphQueries(1, 99),
      },
    ],
    busy: [
      {
        name: '10% of queries fail',
        series: memgraphQueries(1, 9),
        alerts: [
          {
            labels: { severity: 'critical' },
            description: [
              '后端发往 Memgraph 的查询有 10.0% 失败，已持续 5 分钟高于 5%：数据库可能无法连接。',
              "10.0% of the backend's Memgraph queries fail, above 5% for 5 min: the database may be unreachable.",
            ],
          },
        ],
      },
    ],
  },
  {
    alert: 'NodeExporterDown',
    interval: '1m',
    pendingAt: '1m',
    firingAt: '3m',
    calm: [{ name: 'node-exporter scraped', series: [node('up', {}, '1x10')] }],
    busy: [
      {
        name: 'scrape failing',
        series: [node('up', {}, '0x10')],
        alerts: [
          {
            labels: { instance: HOST, job: 'node-exporter', severity: 'critical' },
            description: [
              `Prometheus 已连续 2 分钟无法抓取 node-exporter ${HOST} 的 /metrics（up = 0）：主机的 CPU、内存、磁盘和网络告警在此期间看不到数据，不会报警。`,
              `Prometheus has failed to scrape /metrics of the node-exporter ${HOST} for 2 min (up = 0): the host's CPU, memory, disk and network alerts see no data meanwhile and cannot fire.`,
            ],
          },
        ],
      },
      {
        name: 'no node-exporter target at all (only the gateway is scraped)',
        series: [gateway('up', {}, '1x10')],
        alerts: [
          {
            labels: { job: 'node-exporter', severity: 'critical' },
            description: [
              'Prometheus 中没有 job="node-exporter" 的抓取目标：node-exporter 没有被监控。',
              'Prometheus has no scrape target with job="node-exporter": the node-exporter is not monitored.',
            ],
          },
        ],
      },
    ],
  },
  {
    alert: 'BusinessExporterDown',
    interval: '1m',
    pendingAt: '4m',
    firingAt: '6m',
    calm: [{ name: 'exporter scraped', series: [business('up', {}, '1x10')] }],
    busy: [
      {
        name: 'scrape failing',
        series: [business('up', {}, '0x10')],
        alerts: [
          {
            labels: { instance: 'business-exporter:9466', job: 'opentruss-business', severity: 'warning' },
            description: [
              'Prometheus 已连续 5 分钟无法抓取 业务导出器 business-exporter:9466 的 /metrics（up = 0）：业务告警（待审批、驳回率、验收停滞）在此期间看不到数据，不会报警。',
              'Prometheus has failed to scrape /metrics of the business exporter business-exporter:9466 for 5 min (up = 0): the business alerts (approval backlog, rejection rate, stalled acceptance) see no data meanwhile and cannot fire.',
            ],
          },
        ],
      },
    ],
  },
  {
    alert: 'MemgraphDown',
    interval: '1m',
    pendingAt: '0m',
    firingAt: '2m',
    calm: [
      { name: 'the gateway reaches Memgraph', series: [gateway('opentruss_bolt_gateway_upstream_up', {}, '1x10')] },
      {
        // Memgraph is up while any gateway reaches it (a gateway's own network trouble is not Memgraph down).
        name: 'one of two gateways cannot reach it',
        series: [
          gateway('opentruss_bolt_gateway_upstream_up', {}, '0x10'),
          series('opentruss_bolt_gateway_upstream_up', { job: 'bolt-gateway', instance: '172.18.0.9:9187' }, '1x10'),
        ],
      },
      // No gateway series is BoltGatewayDown's page, not this one.
      { name: 'no gateway scraped', series: [node('up', {}, '1x10')] },
    ],
    busy: [
      {
        name: 'neither gateway reaches Memgraph',
        series: [
          gateway('opentruss_bolt_gateway_upstream_up', {}, '0x10'),
          series('opentruss_bolt_gateway_upstream_up', { job: 'bolt-gateway', instance: '172.18.0.9:9187' }, '0x10'),
        ],
        alerts: [
          {
            labels: { severity: 'critical' },
            description: [
              'Bolt 网关已连续 1 分钟无法与 Memgraph 完成 Bolt 握手：所有 Memgraph 面板、业务导出器和 OpenTruss 后端的数据库操作都会失败。',
              'The Bolt gateway has not completed a Bolt handshake with Memgraph for 1 min: every Memgraph panel, the business exporter and the OpenTruss backend’s database work fail.',
            ],
          },
        ],
      },
    ],
  },
  {
    alert: 'BoltGatewayDown',
    interval: '1m',
    pendingAt: '0m',
    firingAt: '2m',
    calm: [{ name: 'gateway scraped', series: [gateway('up', {}, '1x10')] }],
    busy: [
      {
        name: 'scrape failing',
        series: [gateway('up', {}, '0x10')],
        alerts: [
          {
            labels: { instance: GATEWAY, job: 'bolt-gateway', severity: 'critical' },
            description: [
              `Prometheus 已连续 1 分钟无法抓取 Bolt 网关 ${GATEWAY} 的 /metrics（up = 0）：所有 Memgraph 面板都会失败。`,
              `Prometheus has failed to scrape /metrics of the Bolt gateway ${GATEWAY} for 1 min (up = 0): every Memgraph panel fails.`,
            ],
          },
        ],
      },
      {
        name: 'no gateway target at all (only node-exporter is scraped)',
        series: [node('up', {}, '1x10')],
        alerts: [
          {
            labels: { job: 'bolt-gateway', severity: 'critical' },
            description: [
              'Prometheus 中没有 job="bolt-gateway" 的抓取目标：Bolt 网关没有被监控。',
              'Prometheus has no scrape target with job="bolt-gateway": the Bolt gateway is not monitored.',
            ],
          },
        ],
      },
    ],
  },
  {
    alert: 'BoltGatewayRefusalSpike',
    interval: '1m',
    pendingAt: '6m',
    firingAt: '12m',
    calm: [
      {
        name: 'an occasional refusal (2 per minute)',
        series: [gateway('opentruss_bolt_gateway_refusals_total', { reason: 'write' }, '1000+2x20')],
      },
    ],
    busy: [
      {
        name: '12 refusals per minute, writes and admin statements',
        series: [
          gateway('opentruss_bolt_gateway_refusals_total', { reason: 'write' }, '1000+8x20'),
          gateway('opentruss_bolt_gateway_refusals_total', { reason: 'admin' }, '1000+4x20'),
        ],
        alerts: [
          {
            labels: { severity: 'warning' },
            description: [
              'Bolt 网关每分钟拒绝 12 条写入、管理或未列入白名单的语句，已持续 5 分钟高于 5 条：有人正在用查看者凭据尝试写入。',
              'The Bolt gateway refuses 12 write, administrative or unlisted-procedure statements per minute, above 5 for 5 min: someone is trying to write with the viewer credential.',
            ],
          },
        ],
      },
    ],
  },
  {
    alert: 'MemoryLeakSuspected',
    interval: '5m',
    pendingAt: '30m',
    firingAt: '70m',
    // 10 GB of RAM; available memory shrinking 25 MB per 5 min = 300 MB/h = 3 points per hour; 5 MB → 0.6.
    calm: [
      {
        name: 'used memory growing 0.6 points per hour',
        series: memory('8000000000-5000000x30'),
      },
    ],
    busy: [
      {
        name: 'used memory growing 3 points per hour',
        series: memory('8000000000-25000000x30'),
        alerts: [
          {
            labels: { instance: HOST, job: 'node-exporter', severity: 'warning' },
            description: [
              `${HOST} 的已用内存在过去 3 小时内以每小时 3.0 个百分点的速度持续增长（阈值每小时 2 个百分点，持续 1 小时）。`,
              `Used memory on ${HOST} has been growing by 3.0 percentage points of RAM per hour over the last 3 h (threshold 2 points per hour, for 1 h).`,
            ],
          },
        ],
      },
    ],
  },
  {
    alert: 'DiskWillFillIn24h',
    interval: '5m',
    pendingAt: '30m',
    firingAt: '70m',
    // Free space falling 0.5 GB per 5 min = 6 GB/h; at 70 min 43 GB are left → full in 43/6 = 7.2 h.
    // Falling 0.05 GB per 5 min → about 82 h left.
    calm: [
      {
        name: 'root filling in ~82 h, a growing and a stable filesystem, a fast-filling tmpfs',
        series: [
          node('node_filesystem_avail_bytes', ROOT_FS, '50000000000-50000000x30'),
          node(
            'node_filesystem_avail_bytes',
            { device: '/dev/vdc', fstype: 'ext4', mountpoint: '/srv' },
            '20000000000+0x30'
          ),
          node(
            'node_filesystem_avail_bytes',
            { device: '/dev/vdb', fstype: 'xfs', mountpoint: '/data' },
            '10000000000+500000000x30'
          ),
          node('node_filesystem_avail_bytes', TMPFS, '50000000000-500000000x30'),
        ],
      },
    ],
    busy: [
      {
        name: 'root full in ~7 h',
        series: [node('node_filesystem_avail_bytes', ROOT_FS, '50000000000-500000000x30')],
        alerts: [
          {
            labels: { ...ROOT_FS, instance: HOST, job: 'node-exporter', severity: 'warning' },
            description: [
              `按过去 6 小时的趋势，${HOST} 上 /（/dev/vda）约 7.2 小时后写满。`,
              `At the trend of the last 6 h, / (/dev/vda) on ${HOST} will be full in about 7.2 hours.`,
            ],
          },
        ],
      },
    ],
  },
  {
    alert: 'ApprovalBacklogAgeing',
    interval: '1m',
    pendingAt: '5m',
    firingAt: '15m',
    // Ages grow 60 s per minute: 60 h (216,000 s) stays below 72 h; 80 h (288,000 s) + 15 min = 80.25 h.
    calm: [
      {
        name: 'oldest lot waiting 60 h',
        series: [business('opentruss_business_oldest_awaiting_approval_age_seconds', BUILDING_A, '216000+60x30')],
      },
    ],
    busy: [
      {
        name: 'oldest lot waiting 80 h in one building, 10 h in another',
        series: [
          business('opentruss_business_oldest_awaiting_approval_age_seconds', BUILDING_A, '288000+60x30'),
          business('opentruss_business_oldest_awaiting_approval_age_seconds', BUILDING_B, '36000+60x30'),
        ],
        alerts: [
          {
            labels: { ...BUILDING_A, severity: 'warning' },
            description: [
              'project_001 / building_001_01 最早提交的检验批已等待审批 80 小时，超过 72 小时。',
              'The oldest submitted inspection lot of project_001 / building_001_01 has awaited approval for 80 h, more than 72 h.',
            ],
          },
        ],
      },
    ],
  },
  {
    alert: 'ApprovalRejectionRateHigh',
    interval: '1m',
    pendingAt: '10m',
    firingAt: '40m',
    calm: [
      { name: '2 of 10 decisions rejected', series: decisions(BUILDING_A, 8, 2) },
      { name: '2 of 3 rejected, too few decisions to judge', series: decisions(BUILDING_C, 1, 2) },
    ],
    busy: [
      {
        // 2 + 2 rejections of 10 decisions over two buildings of project_001 = 40%; project_002 has 1 of 10.
        name: '4 of 10 decisions rejected across two buildings',
        series: [...decisions(BUILDING_A, 3, 2), ...decisions(BUILDING_B, 3, 2), ...decisions(BUILDING_C, 9, 1)],
        alerts: [
          {
            labels: { project: 'project_001', severity: 'warning' },
            description: [
              '项目 project_001 过去 24 小时的审批中有 40.0% 被驳回，高于 30%（至少 10 次审批时才判断）。',
              "40.0% of the last 24 h's approval decisions in project project_001 were rejections, above 30% (judged from 10 decisions on).",
            ],
          },
        ],
      },
    ],
  },
  {
    alert: 'AcceptanceStalled',
    interval: '1m',
    pendingAt: '30m',
    firingAt: '70m',
    // At 70 min: 8 days + 70 min = 8.05 days.
    calm: [
      { name: 'approved a day ago, oldest lot waiting 9 days', series: waiting(BUILDING_A, 9, 1) },
      { name: 'no approval for 30 days, but the lots arrived 2 days ago', series: waiting(BUILDING_B, 2, 30) },
    ],
    busy: [
      {
        name: 'no approval for 8 days with lots waiting 9 days; a building never approved, waiting 8 days',
        series: [...waiting(BUILDING_A, 9, 8), ...waiting(BUILDING_C, 8, null)],
        alerts: [
          {
            labels: { ...BUILDING_A, severity: 'critical' },
            description: [
              'project_001 / building_001_01 已有 8.0 天没有检验批通过审批，而检验批仍在等待（阈值 7 天）。',
              'No inspection lot of project_001 / building_001_01 has been approved for 8.0 days while lots are waiting (threshold 7 days).',
            ],
          },
          {
            labels: { ...BUILDING_C, severity: 'critical' },
            description: [
              'project_002 / building_002_01 已有 8.0 天没有检验批通过审批，而检验批仍在等待（阈值 7 天）。',
              'No inspection lot of project_002 / building_002_01 has been approved for 8.0 days while lots are waiting (threshold 7 days).',
            ],
          },
        ],
      },
    ],
  },
  {
    alert: 'BusinessMetricsStale',
    interval: '1m',
    pendingAt: '28m',
    firingAt: '35m',
    // The last success time is the sample's own time while collections succeed (60 s per minute).
    calm: [
      {
        name: 'a successful collection every minute',
        series: [business('opentruss_business_last_success_timestamp_seconds', {}, '0+60x40')],
      },
    ],
    busy: [
      {
        // The last success stays at 10 min (600 s): at 35 min the data is 25 min old; above 15 min from 26 min on.
        name: 'collections failing from 10 min on',
        series: [business('opentruss_business_last_success_timestamp_seconds', {}, '0+60x10 600+0x30')],
        alerts: [
          {
            labels: { severity: 'warning' },
            description: STALE_25_MIN,
          },
        ],
      },
      {
        // Its series ends at 10 min: the last time it reported is still read from the last day.
        name: 'an exporter gone at 10 min',
        series: [business('opentruss_business_last_success_timestamp_seconds', {}, '0+60x10')],
        alerts: [
          {
            labels: { severity: 'warning' },
            description: STALE_25_MIN,
          },
        ],
      },
    ],
  },
  ...BACKUP_SCENARIOS,
  {
    alert: 'LokiDown',
    interval: '1m',
    pendingAt: '2m',
    firingAt: '6m',
    calm: [{ name: 'Loki scraped', series: [loki('1x10')] }],
    busy: [
      {
        name: 'scrape failing',
        series: [loki('0x10')],
        alerts: [
          {
            labels: { instance: LOKI, job: 'loki', severity: 'warning' },
            description: [
              `Prometheus 已连续 5 分钟无法抓取 Loki ${LOKI} 的 /metrics：日志无法写入或查询，日志告警失明。`,
              `Prometheus has failed to scrape /metrics of Loki ${LOKI} for 5 min: logs can be neither stored nor searched, and the log alerts are blind.`,
            ],
          },
        ],
      },
      {
        name: 'no Loki target at all',
        series: [node('up', {}, '1x10')],
        alerts: [
          {
            labels: { job: 'loki', severity: 'warning' },
            description: [
              'Prometheus 中没有 job="loki" 的抓取目标：Loki 没有被监控。',
              'Prometheus has no scrape target with job="loki": Loki is not monitored.',
            ],
          },
        ],
      },
    ],
  },
  {
    alert: 'AlloyDown',
    interval: '1m',
    pendingAt: '2m',
    firingAt: '6m',
    calm: [{ name: 'Alloy scraped', series: [alloy('1x10')] }],
    busy: [
      {
        name: 'scrape failing',
        series: [alloy('0x10')],
        alerts: [
          {
            labels: { instance: ALLOY, job: 'alloy', severity: 'warning' },
            description: [
              `Prometheus 已连续 5 分钟无法抓取 Alloy ${ALLOY} 的 /metrics：新日志不再进入 Loki（仍留在 Docker 的日志文件里，直到轮转），日志告警失明。`,
              `Prometheus has failed to scrape /metrics of Alloy ${ALLOY} for 5 min: new log lines no longer reach Loki (they wait in Docker's log files until rotated away), and the log alerts are blind.`,
            ],
          },
        ],
      },
      {
        name: 'no Alloy target at all',
        series: [node('up', {}, '1x10')],
        alerts: [
          {
            labels: { job: 'alloy', severity: 'warning' },
            description: [
              'Prometheus 中没有 job="alloy" 的抓取目标：Alloy 没有被监控。',
              'Prometheus has no scrape target with job="alloy": Alloy is not monitored.',
            ],
          },
        ],
      },
    ],
  },
  ...REPLICATION_SCENARIOS,
  ...CAPACITY_SCENARIOS,
  {
    alert: 'TLSCertificateExpiringSoon',
    interval: '5m',
    pendingAt: '10m',
    firingAt: '20m',
    // promtool's clock starts at 0: the days left at 20 min are (expiry − 1200 s) / 86400.
    calm: [
      {
        name: 'exactly 30 days left at 20 min (not less), a year left on the other port',
        series: [
          series('probe_ssl_earliest_cert_expiry', { job: 'tls-certificates', instance: 'tls-proxy:443' }, `${30 * DAY + 1200}+0x8`),
          series('probe_ssl_earliest_cert_expiry', { job: 'tls-certificates', instance: 'bolt-gateway-tls:7687' }, `${365 * DAY}+0x8`),
        ],
      },
    ],
    busy: [
      {
        name: '29 days left on the gateway, a year on Grafana',
        series: [
          series('probe_ssl_earliest_cert_expiry', { job: 'tls-certificates', instance: 'tls-proxy:443' }, `${365 * DAY}+0x8`),
          series('probe_ssl_earliest_cert_expiry', { job: 'tls-certificates', instance: 'bolt-gateway-tls:7687' }, `${29 * DAY}+0x8`),
        ],
        alerts: [
          {
            labels: { instance: 'bolt-gateway-tls:7687', severity: 'warning' },
            description: [
              'bolt-gateway-tls:7687 提供的 TLS 证书将在 29.0 天后过期（少于 30 天）：过期后浏览器和 bolt+s/wss 客户端会拒绝连接。',
              'The TLS certificate served at bolt-gateway-tls:7687 expires in 29.0 days (less than 30): once expired, browsers and bolt+s/wss clients refuse to connect.',
            ],
          },
        ],
      },
    ],
  },
];
