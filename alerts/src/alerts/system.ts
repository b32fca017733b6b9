// Group opentruss-system: the host's resources against ops manual §2.1.1 (node-exporter).
import { alertGroup } from '../lib/define';
import { LABEL, VALUE, breach, enforce, panel } from '../lib/describe';
import { NO_DATA } from '../lib/no-data';
import { busiestDirectionBytesPerSecond, indent, linkCapacityBytesPerSecond } from '../lib/promql';

export const systemGroup = alertGroup({
  key: 'system',
  name: 'opentruss-system',
  interval: '1m',
  alerts: (config) => {
    const s = config.selectors;
    const t = config.thresholds;
    return [
      {
        name: 'HighCPUUsage',
        ...enforce(t.cpu),
        expr: `100 * (1 - avg by (instance) (rate(node_cpu_seconds_total{${s.node}, mode="idle"}[5m])))`,
        severity: 'warning',
        component: 'system',
        summary: { zh: 'CPU 使用率过高', en: 'CPU usage is high' },
        description: {
          zh: `${LABEL.instance} 的 CPU 使用率为 ${VALUE.percent}，${breach(t.cpu).zh}。`,
          en: `CPU usage of ${LABEL.instance} is ${VALUE.percent}, ${breach(t.cpu).en}.`,
        },
        panel: panel('system', 1, { zh: 'CPU 使用率', en: 'CPU usage' }),
        ...NO_DATA.hostMetrics,
      },
      {
        name: 'HighMemoryUsage',
        ...enforce(t.memory),
        expr: `100 * (1 - node_memory_MemAvailable_bytes{${s.node}} / node_memory_MemTotal_bytes{${s.node}})`,
        severity: 'warning',
        component: 'system',
        summary: { zh: '内存使用率过高', en: 'Memory usage is high' },
        description: {
          zh: `${LABEL.instance} 的内存使用率为 ${VALUE.percent}，${breach(t.memory).zh}。`,
          en: `Memory usage of ${LABEL.instance} is ${VALUE.percent}, ${breach(t.memory).en}.`,
        },
        panel: panel('system', 2, { zh: '内存使用率', en: 'Memory usage' }),
        ...NO_DATA.hostMetrics,
      },
      {
        name: 'HighDiskUsage',
        // The manual says "-"; 5 minutes (5 evaluations) keep a passing spike — a backup written, then moved off —
        // from paging, and no disk at 90% fills in 5 minutes at a rate a page could stop (DiskWillFillIn24h warns
        // of fast growth).
        ...enforce(t.disk, '5m'),
        expr: `100 * (1 - node_filesystem_avail_bytes{${s.filesystem}} / node_filesystem_size_bytes{${s.filesystem}})`,
        // A full disk stops Memgraph's snapshots and WAL and the backend's logs: page at once.
        severity: 'critical',
        component: 'system',
        summary: { zh: '磁盘空间不足', en: 'Disk is almost full' },
        description: {
          zh: `${LABEL.instance} 上 ${LABEL.mountpoint}（${LABEL.device}）的磁盘使用率为 ${VALUE.percent}，${breach(t.disk, '5m').zh}。`,
          en: `Disk usage of ${LABEL.mountpoint} (${LABEL.device}) on ${LABEL.instance} is ${VALUE.percent}, ${breach(t.disk, '5m').en}.`,
        },
        panel: panel('system', 3, { zh: '磁盘使用率', en: 'Disk usage' }),
        ...NO_DATA.hostMetrics,
      },
      {
        name: 'HighDiskIOUtilization',
        ...enforce(t.diskIo),
        // Share of wall-clock time the device was busy with I/O (iostat's %util).
        expr: `100 * rate(node_disk_io_time_seconds_total{${s.disk}}[5m])`,
        severity: 'warning',
        component: 'system',
        summary: { zh: '磁盘 I/O 繁忙', en: 'Disk I/O is saturated' },
        description: {
          zh: `${LABEL.instance} 上磁盘 ${LABEL.device} 的 I/O 利用率为 ${VALUE.percent}，${breach(t.diskIo).zh}。`,
          en: `I/O utilisation of disk ${LABEL.device} on ${LABEL.instance} is ${VALUE.percent}, ${breach(t.diskIo).en}.`,
        },
        panel: panel('system', 4, {
          zh: '磁盘 I/O 利用率',
          en: 'Disk I/O utilisation',
        }),
        ...NO_DATA.hostMetrics,
      },
      {
        name: 'HighNetworkBandwidthUsage',
        ...enforce(t.network),
        expr: [
          `100 * ${busiestDirectionBytesPerSecond()}`,
          `/ on (instance, device) (`,
          `  ${indent(linkCapacityBytesPerSecond())}`,
          `)`,
        ].join('\n'),
        severity: 'warning',
        component: 'system',
        summary: {
          zh: '网络带宽占用过高',
          en: 'Network bandwidth is nearly saturated',
        },
        description: {
          zh: `${LABEL.instance} 上网卡 ${LABEL.device} 较忙方向的带宽利用率为 ${VALUE.percent}，${breach(t.network).zh}。`,
          en: `Bandwidth utilisation of ${LABEL.device} on ${LABEL.instance} (busier direction) is ${VALUE.percent}, ${breach(t.network).en}.`,
        },
        panel: panel('system', 5, {
          zh: '网络带宽利用率',
          en: 'Network bandwidth utilisation',
        }),
        ...NO_DATA.hostMetrics,
      },
    ];
  },
});
