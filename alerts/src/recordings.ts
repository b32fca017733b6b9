// Recording rules for the ops manual's capacity forecasts (§8: 3- and 6-month trends). Prometheus keeps raw
// samples for PROMETHEUS_RETENTION (190 days by default, six months and a margin); these rules keep one hourly
// figure per series, so a 6-month panel or predict_linear reads 4,380 points per series instead of ~1 million raw
// samples. Evaluated every 5 minutes; generated into alerts/prometheus/opentruss-trends.rules.yml.
import { memgraphStorageMetrics } from '@opentruss/contract';
import { SELECTORS } from './config';

export interface TrendRecording {
  record: string;
  expr: string;
  /** What the series is for, in the generated file. */
  why: string;
}

const s = SELECTORS;

export const TREND_GROUP = { name: 'opentruss-capacity-trends', interval: '5m' } as const;

export const TREND_RECORDINGS: readonly TrendRecording[] = [
  {
    record: 'instance:opentruss_cpu_usage_percent:avg1h',
    expr: `100 * (1 - avg by (instance) (rate(node_cpu_seconds_total{${s.node}, mode="idle"}[1h])))`,
    why: 'CPU usage averaged over the last hour (§8.1 vertical scaling).',
  },
  {
    record: 'instance:opentruss_memory_used_percent:avg1h',
    expr: `avg_over_time((100 * (1 - node_memory_MemAvailable_bytes{${s.node}} / node_memory_MemTotal_bytes{${s.node}}))[1h:1m])`,
    why: 'Memory in use, hourly mean: Memgraph is in-memory, so this is the graph’s growth too.',
  },
  {
    record: 'instance_mountpoint:opentruss_filesystem_used_bytes:avg1h',
    expr: `avg_over_time((node_filesystem_size_bytes{${s.filesystem}} - node_filesystem_avail_bytes{${s.filesystem}})[1h:1m])`,
    why: 'Used bytes of each real filesystem, hourly mean: the disk forecast.',
  },
  {
    record: 'instance_device:opentruss_network_bytes_per_second:avg1h',
    expr: `max by (instance, device) (rate(node_network_receive_bytes_total{${s.nic}}[1h]) or rate(node_network_transmit_bytes_total{${s.nic}}[1h]))`,
    why: 'Busier direction of each interface’s traffic over the last hour: the bandwidth forecast.',
  },
  ...(
    [
      ['memoryTracked', 'Memory Memgraph tracks (its limit’s measure), highest of each hour: the memory forecast against the limit.'],
      ['memoryResident', 'Memgraph’s resident memory, highest of each hour: the host memory forecast (held twice with the replica on one host).'],
      ['diskUsage', 'Memgraph’s data directory, largest of each hour: the storage forecast.'],
      ['vertices', 'Vertices of Memgraph’s database, hourly: the graph’s growth against manual §8.1.'],
      ['edges', 'Edges of Memgraph’s database, hourly.'],
    ] as const
  ).map(([figure, why]): TrendRecording => {
    // Memgraph's figures (business exporter, SHOW STORAGE INFO on the replica): the hour's highest, so a peak between
    // two collections is not averaged away.
    const metric = memgraphStorageMetrics[figure];
    return { record: `job:${metric}:max1h`, expr: `max by (job) (max_over_time(${metric}{${s.business}}[1h]))`, why };
  }),
];

export function trendRulesFile() {
  return {
    groups: [
      {
        name: TREND_GROUP.name,
        interval: TREND_GROUP.interval,
        rules: TREND_RECORDINGS.map(({ record, expr }) => ({ record, expr })),
      },
    ],
  };
}
