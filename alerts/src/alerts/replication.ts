// The replica alerts: viewers (the Bolt gateway, the business exporter) read a Memgraph REPLICA of MAIN
// (docs/replica.md). The replication exporter (deploy/replication) turns MAIN's SHOW REPLICAS into the metrics below.
import { replicationMetrics } from '@opentruss/contract';
import { SELECTORS } from '../config';
import { alertGroup } from '../lib/define';
import { panel as dashboardPanel } from '../lib/describe';

const JOB = SELECTORS.replication;
const REPLICA = '{{ $labels.replica }}';

const panel = (panelId: number, zh: string, en: string) => dashboardPanel('apiDatabase', panelId, { zh, en });

const NO_SERIES = {
  noDataState: 'OK',
  noDataReason: {
    zh: '没有序列表示 MAIN 没有回答 SHOW REPLICAS（MAIN 本身的问题由数据库告警报告）或导出器没有被抓取；导出器总会为本栈的副本输出序列，未注册时也是。',
    en: 'No series means MAIN did not answer SHOW REPLICAS (MAIN’s own trouble is for the database alerts) or the exporter is not scraped; the exporter always reports this stack’s replica, unregistered included.',
  },
} as const;

export const replicationGroup = alertGroup({
  key: 'replication',
  name: 'opentruss-replication',
  interval: '1m',
  alerts: () => {
    const common = { source: '11.2', component: 'database' } as const;
    return [
      {
        ...common,
        name: 'MemgraphReplicaDown',
        expr: `min by (replica) (${replicationMetrics.replicaUp}{${JOB}})`,
        comparator: 'lt',
        value: 1,
        unit: 'up',
        // MAIN pings replicas every second; 2 minutes rule out a replica restarting.
        for: '2m',
        severity: 'critical',
        summary: { zh: 'Memgraph 副本不可用', en: 'Memgraph replica is down' },
        description: {
          zh: `MAIN 已 2 分钟无法向副本 ${REPLICA} 复制（状态为 invalid、diverged 或未注册）：仪表盘的 Memgraph 面板读副本，会失败或显示旧数据；OpenTruss 本身不受影响。`,
          en: `MAIN has not replicated to the replica ${REPLICA} for 2 min (status invalid, diverged or unregistered): the dashboards' Memgraph panels read the replica and fail or show stale data; OpenTruss itself is not affected.`,
        },
        panel: panel(8, '副本在线状态', 'Replica up'),
        ...NO_SERIES,
      },
      {
        ...common,
        name: 'MemgraphReplicaBehind',
        expr: `max by (replica) (${replicationMetrics.replicaBehind}{${JOB}})`,
        comparator: 'gt',
        value: 0,
        unit: 'count',
        // ASYNC replication lags by milliseconds; never catching up for 15 minutes is not lag but a stall.
        for: '15m',
        severity: 'warning',
        summary: {
          zh: 'Memgraph 副本落后于 MAIN',
          en: 'Memgraph replica is behind MAIN',
        },
        description: {
          zh: `副本 ${REPLICA} 已连续 15 分钟没有追上 MAIN（当前落后 {{ $value | printf "%.0f" }} 个提交时间戳）：仪表盘显示的是旧数据。`,
          en: `The replica ${REPLICA} has not caught up with MAIN for 15 min (now {{ $value | printf "%.0f" }} commit timestamps behind): the dashboards show stale data.`,
        },
        panel: panel(9, '副本落后 MAIN 的提交时间戳', 'Replica commit timestamps behind MAIN'),
        ...NO_SERIES,
      },
    ];
  },
});
