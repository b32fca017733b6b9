// promtool scenarios of the replica alerts (src/alerts/replication.ts), from the replication exporter's series.
// (A calm case may not even go pending, so brief lags and restarts are not calm cases here: they go pending and
// resolve before `for`, which the pending checks of the busy cases cover.)
import type { AlertScenario, InputSeries } from './scenarios';

const REPLICA = 'observability_replica';
const exporter = (metric: string, labels: Record<string, string>, values: string): InputSeries => ({
  series: `${metric}{${Object.entries({ job: 'memgraph-replication', instance: 'replication-exporter:9467', ...labels })
    .map(([k, v]) => `${k}="${v}"`)
    .join(',')}}`,
  values,
});

export const REPLICATION_SCENARIOS: AlertScenario[] = [
  {
    alert: 'MemgraphReplicaDown',
    interval: '1m',
    pendingAt: '1m',
    firingAt: '3m',
    calm: [
      { name: 'replica reached by MAIN', series: [exporter('opentruss_replication_replica_up', { replica: REPLICA }, '1x10')] },
      {
        // MAIN not answering: the exporter drops the replica series; MAIN's own trouble is for other alerts.
        name: 'MAIN not answering (no replica series)',
        series: [exporter('opentruss_replication_main_up', {}, '0x10')],
      },
    ],
    busy: [
      {
        name: 'MAIN cannot reach the replica (invalid) or it is unregistered',
        series: [exporter('opentruss_replication_replica_up', { replica: REPLICA }, '0x10')],
        alerts: [
          {
            labels: { replica: REPLICA, severity: 'critical' },
            description: [
              `MAIN 已 2 分钟无法向副本 ${REPLICA} 复制（状态为 invalid、diverged 或未注册）：仪表盘的 Memgraph 面板读副本，会失败或显示旧数据；OpenTruss 本身不受影响。`,
              `MAIN has not replicated to the replica ${REPLICA} for 2 min (status invalid, diverged or unregistered): the dashboards' Memgraph panels read the replica and fail or show stale data; OpenTruss itself is not affected.`,
            ],
          },
        ],
      },
    ],
  },
  {
    alert: 'MemgraphReplicaBehind',
    interval: '1m',
    pendingAt: '5m',
    firingAt: '20m',
    calm: [
      { name: 'in step with MAIN', series: [exporter('opentruss_replication_replica_behind_timestamps', { replica: REPLICA }, '0x30')] },
    ],
    busy: [
      {
        // 10 at 0 min, one more every minute: 30 at 20 min.
        name: 'never catching up, the lag growing',
        series: [exporter('opentruss_replication_replica_behind_timestamps', { replica: REPLICA }, '10+1x30')],
        alerts: [
          {
            labels: { replica: REPLICA, severity: 'warning' },
            description: [
              `副本 ${REPLICA} 已连续 15 分钟没有追上 MAIN（当前落后 30 个提交时间戳）：仪表盘显示的是旧数据。`,
              `The replica ${REPLICA} has not caught up with MAIN for 15 min (now 30 commit timestamps behind): the dashboards show stale data.`,
            ],
          },
        ],
      },
    ],
  },
];
