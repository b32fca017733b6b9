// The nine thresholds of ops manual §2.1 (2.1.1 系统指标, 2.1.2 应用指标), transcribed once. Alerts, dashboards'
// amber/red lines, the README table and the runbooks all read them from here.
import type { Bilingual, ManualSource, PromDuration, ValueUnit } from './model';

export type ThresholdKey =
  'cpu' | 'memory' | 'disk' | 'diskIo' | 'network' | 'apiP95' | 'apiErrorRate' | 'dbQueryTime' | 'activeConnections';

export interface Threshold {
  key: ThresholdKey;
  /** The metric's name as the manual's table writes it (zh) and in English. */
  metric: Bilingual;
  source: ManualSource;
  unit: ValueUnit;
  /** Upper end of the normal range (正常范围 "< x"): the dashboards' amber line. */
  normalBelow: number;
  /** The alert threshold (告警阈值 "> x"): the dashboards' red line and the rule. */
  alertAbove: number;
  /** How long the value must stay above the threshold (说明 "持续 n 分钟"); `null` where the manual says "-". */
  sustained: PromDuration | null;
}

export const THRESHOLDS = {
  cpu: {
    key: 'cpu',
    metric: { zh: 'CPU 使用率', en: 'CPU usage' },
    source: '2.1.1',
    unit: 'percent',
    normalBelow: 70,
    alertAbove: 85,
    sustained: '5m',
  },
  memory: {
    key: 'memory',
    metric: { zh: '内存使用率', en: 'Memory usage' },
    source: '2.1.1',
    unit: 'percent',
    normalBelow: 80,
    alertAbove: 90,
    sustained: '5m',
  },
  disk: {
    key: 'disk',
    metric: { zh: '磁盘使用率', en: 'Disk usage' },
    source: '2.1.1',
    unit: 'percent',
    normalBelow: 80,
    alertAbove: 90,
    sustained: null,
  },
  diskIo: {
    key: 'diskIo',
    metric: { zh: '磁盘 I/O', en: 'Disk I/O utilisation' },
    source: '2.1.1',
    unit: 'percent',
    normalBelow: 80,
    alertAbove: 90,
    sustained: '5m',
  },
  network: {
    key: 'network',
    metric: { zh: '网络带宽', en: 'Network bandwidth utilisation' },
    source: '2.1.1',
    unit: 'percent',
    normalBelow: 80,
    alertAbove: 90,
    sustained: '5m',
  },
  apiP95: {
    key: 'apiP95',
    metric: { zh: 'API 响应时间 (P95)', en: 'API response time (P95)' },
    source: '2.1.2',
    unit: 'seconds',
    normalBelow: 0.2,
    alertAbove: 0.5,
    sustained: '5m',
  },
  apiErrorRate: {
    key: 'apiErrorRate',
    metric: { zh: 'API 错误率', en: 'API error rate' },
    source: '2.1.2',
    unit: 'percent',
    normalBelow: 1,
    alertAbove: 5,
    sustained: '5m',
  },
  dbQueryTime: {
    key: 'dbQueryTime',
    metric: { zh: '数据库查询时间', en: 'Database query time' },
    source: '2.1.2',
    unit: 'seconds',
    normalBelow: 0.1,
    alertAbove: 0.5,
    sustained: '5m',
  },
  activeConnections: {
    key: 'activeConnections',
    metric: { zh: '活跃连接数', en: 'Active connections' },
    source: '2.1.2',
    unit: 'count',
    normalBelow: 1000,
    alertAbove: 2000,
    sustained: null,
  },
} as const satisfies Record<ThresholdKey, Threshold>;

export const THRESHOLD_LIST: readonly Threshold[] = Object.values(THRESHOLDS);
