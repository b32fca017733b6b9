// Group opentruss-trends: §4.1's slow problems (a memory leak, a disk filling up) read from hours of data, so
// evaluated every 5 minutes.
import { alertGroup } from '../lib/define';
import { LABEL, VALUE, panel } from '../lib/describe';
import { NO_DATA } from '../lib/no-data';

export const trendsGroup = alertGroup({
  key: 'trends',
  name: 'opentruss-trends',
  interval: '5m',
  alerts: (config) => {
    const s = config.selectors;
    return [
      {
        name: 'MemoryLeakSuspected',
        source: '4.1#3',
        // Growth of used memory (MemTotal − MemAvailable) in percentage points of RAM per hour, fitted over 3 h: a
        // slope that stays positive for another hour is a leak, not a spike.
        expr: `-100 * 3600 * deriv(node_memory_MemAvailable_bytes{${s.node}}[3h]) / node_memory_MemTotal_bytes{${s.node}}`,
        comparator: 'gt',
        value: 2,
        unit: 'percentPerHour',
        for: '1h',
        severity: 'warning',
        component: 'system',
        summary: {
          zh: '内存使用持续增长（疑似内存泄漏）',
          en: 'Memory use keeps growing (suspected leak)',
        },
        description: {
          zh: `${LABEL.instance} 的已用内存在过去 3 小时内以每小时 ${VALUE.decimal} 个百分点的速度持续增长（阈值每小时 2 个百分点，持续 1 小时）。`,
          en: `Used memory on ${LABEL.instance} has been growing by ${VALUE.decimal} percentage points of RAM per hour over the last 3 h (threshold 2 points per hour, for 1 h).`,
        },
        panel: panel('system', 7, {
          zh: '内存增长速度',
          en: 'Memory growth rate',
        }),
        ...NO_DATA.hostMetrics,
      },
      {
        name: 'DiskWillFillIn24h',
        source: '4.1#4',
        // Hours until the filesystem is full at the 6-hour trend. A filesystem that is not shrinking divides by
        // clamp_min(…, 0) = 0 and reads +Inf ("never"): every filesystem keeps a series, none of them fires.
        expr: [
          `node_filesystem_avail_bytes{${s.filesystem}}`,
          `/ clamp_min(-deriv(node_filesystem_avail_bytes{${s.filesystem}}[6h]), 0)`,
          `/ 3600`,
        ].join('\n'),
        comparator: 'lt',
        value: 24,
        unit: 'hours',
        for: '1h',
        severity: 'warning',
        component: 'system',
        summary: {
          zh: '磁盘预计 24 小时内写满',
          en: 'Disk will fill up within 24 hours',
        },
        description: {
          zh: `按过去 6 小时的趋势，${LABEL.instance} 上 ${LABEL.mountpoint}（${LABEL.device}）约 ${VALUE.decimal} 小时后写满。`,
          en: `At the trend of the last 6 h, ${LABEL.mountpoint} (${LABEL.device}) on ${LABEL.instance} will be full in about ${VALUE.decimal} hours.`,
        },
        panel: panel('system', 8, {
          zh: '磁盘写满剩余时间',
          en: 'Time until disk full',
        }),
        ...NO_DATA.neverFills,
      },
    ];
  },
});
