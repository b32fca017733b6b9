// promtool scenarios of the capacity alerts (src/alerts/capacity.ts), from the business exporter's SHOW STORAGE INFO
// series and node-exporter's MemTotal. Percentages are worked out by hand: tracked bytes × 100 ÷ the smaller bound.
import type { AlertScenario, InputSeries } from './scenarios';

const series = (metric: string, labels: Record<string, string>, values: string): InputSeries => ({
  series: `${metric}{${Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(',')}}`,
  values,
});
const exporter = (metric: string, values: string) =>
  series(metric, { job: 'opentruss-business', instance: 'business-exporter:9466' }, values);
const host = (bytes: number) =>
  series('node_memory_MemTotal_bytes', { job: 'node-exporter', instance: 'host:9100' }, `${bytes}x10`);

const tracked = (bytes: number) => exporter('opentruss_memgraph_memory_tracked_bytes', `${bytes}x10`);
const limit = (bytes: number) => exporter('opentruss_memgraph_memory_limit_bytes', `${bytes}x10`);
const GB = 1e9;

const nearLimit = (percent: string): AlertScenario['busy'][number]['alerts'][number] => ({
  labels: { severity: 'warning' },
  description: [
    `Memgraph 跟踪的内存为其内存上限（或更小的主机内存）的 ${percent}，持续 5 分钟高于 90%（正常 < 80%）：达到上限后查询会以 "Memory limit exceeded" 失败。`,
    `Memgraph's tracked memory is ${percent} of its memory limit (or of the host's memory, if smaller), above 90% for 5 min (normal < 80%): at the limit queries fail with "Memory limit exceeded".`,
  ],
});

export const CAPACITY_SCENARIOS: AlertScenario[] = [
  {
    alert: 'MemgraphMemoryNearLimit',
    interval: '1m',
    pendingAt: '4m',
    firingAt: '6m',
    calm: [
      // The boundary: 7.2 GB of 8 GB is exactly 90%, which is not above 90%.
      { name: 'exactly 90% of the limit', series: [tracked(7.2 * GB), limit(8 * GB), host(16 * GB)] },
      // The limit is the smaller bound: 80% of it, although 6.4 GB would be 100% of a (hypothetical) 6.4 GB host.
      { name: '80% of a limit below the host memory', series: [tracked(6.4 * GB), limit(8 * GB), host(16 * GB)] },
      // The exporter not scraped (or SHOW STORAGE INFO failing): BusinessExporterDown's page, not this one.
      { name: 'no storage figures', series: [host(8 * GB)] },
    ],
    busy: [
      { name: '90.1% of the limit', series: [tracked(7.208 * GB), limit(8 * GB), host(16 * GB)], alerts: [nearLimit('90.1%')] },
      {
        // A limit set above the host's RAM is never reached before the kernel runs out: the host is the bound.
        name: '95% of a host smaller than the limit',
        series: [tracked(7.6 * GB), limit(16 * GB), host(8 * GB)],
        alerts: [nearLimit('95.0%')],
      },
      { name: 'no limit reported: 95% of the host', series: [tracked(7.6 * GB), host(8 * GB)], alerts: [nearLimit('95.0%')] },
    ],
  },
  {
    alert: 'MemgraphStorageInfoUnreadable',
    interval: '1m',
    pendingAt: '10m',
    firingAt: '16m',
    calm: [
      { name: 'every figure read', series: [exporter('opentruss_memgraph_storage_info_up', '1x20')] },
      // The exporter not scraped: BusinessExporterDown's alert, not this one.
      { name: 'no exporter series', series: [host(8 * GB)] },
    ],
    busy: [
      {
        name: 'not read for 15 minutes',
        series: [exporter('opentruss_memgraph_storage_info_up', '0x20')],
        alerts: [
          {
            labels: { severity: 'warning' },
            description: [
              '业务导出器已连续 15 分钟无法完整读取 SHOW STORAGE INFO（opentruss_memgraph_storage_info_up = 0）：MemgraphMemoryNearLimit 因此看不到 Memgraph 的内存，容量仪表板的 Memgraph 一行出现缺口。导出器日志说明缺了哪一项。',
              "The business exporter has not read SHOW STORAGE INFO completely for 15 min (opentruss_memgraph_storage_info_up = 0): MemgraphMemoryNearLimit cannot see Memgraph's memory meanwhile, and the capacity dashboard's Memgraph row has gaps. The exporter's log names what is missing.",
            ],
          },
        ],
      },
    ],
  },
];
