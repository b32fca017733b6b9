// Group opentruss-capacity: Memgraph's own memory (manual §8 capacity), read from SHOW STORAGE INFO by the business
// exporter, which reads the stack's REPLICA — it holds the same graph as MAIN and runs with the same flags, so its
// memory against its limit stands for MAIN's (docs/replica.md). Evaluated every minute; the figures change every
// 2 minutes (one collection).
import { memgraphStorageMetrics as M } from '@opentruss/contract';
import { alertGroup } from '../lib/define';
import { VALUE, panel } from '../lib/describe';
import { sustainedText } from '../lib/format';

export const capacityGroup = alertGroup({
  key: 'capacity',
  name: 'opentruss-capacity',
  interval: '1m',
  alerts: (config) => {
    const s = config.selectors;
    const t = config.memgraphMemory;
    const sustained = sustainedText(t.sustained)!;
    return [
      {
        name: 'MemgraphMemoryNearLimit',
        source: '8',
        // Tracked memory (what Memgraph enforces its limit on) ÷ the smaller of its limit and the host's MemTotal: a
        // limit set above the host's RAM (MEMGRAPH_MEMORY_LIMIT_MB) would never be reached before the kernel steps in,
        // and without a reported limit the host is the bound. Each bound is labelled so that `or` keeps both for
        // `min`. `max` folds the exporter's and node-exporter's series into one figure: the stack runs on one host.
        expr: [
          `100 * max(${M.memoryTracked}{${s.business}})`,
          `  / min(`,
          `    label_replace(max(${M.memoryLimit}{${s.business}} > 0), "bound", "memgraph", "", "")`,
          `    or`,
          `    label_replace(max(node_memory_MemTotal_bytes{${s.node}}), "bound", "host", "", "")`,
          `  )`,
        ].join('\n'),
        comparator: 'gt',
        value: t.alertAbovePercent,
        unit: 'percent',
        for: t.sustained,
        severity: 'warning',
        component: 'database',
        summary: { zh: 'Memgraph 内存接近上限', en: 'Memgraph memory is near its limit' },
        description: {
          zh: `Memgraph 跟踪的内存为其内存上限（或更小的主机内存）的 ${VALUE.percent}，${sustained.zh}高于 ${t.alertAbovePercent}%（正常 < ${t.normalBelowPercent}%）：达到上限后查询会以 "Memory limit exceeded" 失败。`,
          en: `Memgraph's tracked memory is ${VALUE.percent} of its memory limit (or of the host's memory, if smaller), above ${t.alertAbovePercent}% ${sustained.en} (normal < ${t.normalBelowPercent}%): at the limit queries fail with "Memory limit exceeded".`,
        },
        panel: panel('capacity', 7, { zh: 'Memgraph 内存占上限比例', en: 'Memgraph memory of its limit' }),
        noDataState: 'OK',
        noDataReason: {
          zh: '没有序列说明业务导出器没有被抓取（由 BusinessExporterDown 报告），或 SHOW STORAGE INFO 读取失败（由 MemgraphStorageInfoUnreadable 报告），或 Memgraph 没有报告上限而 node-exporter 也没有被抓取（由 NodeExporterDown 报告）。',
          en: 'No series means the business exporter is not scraped (BusinessExporterDown reports it), SHOW STORAGE INFO could not be read (MemgraphStorageInfoUnreadable reports it), or Memgraph reports no limit while node-exporter is not scraped (NodeExporterDown reports it).',
        },
      },
      {
        name: 'MemgraphStorageInfoUnreadable',
        source: '8',
        // The exporter's own verdict on its last collection: 1 when every figure of SHOW STORAGE INFO was read.
        expr: `max(${M.up}{${s.business}})`,
        comparator: 'lt',
        value: 1,
        unit: 'up',
        for: t.unreadableFor,
        severity: 'warning',
        component: 'database',
        summary: { zh: '无法读取 Memgraph 的内存与存储数字', en: "Memgraph's memory and storage figures cannot be read" },
        description: {
          zh: `业务导出器已连续 ${Number.parseInt(t.unreadableFor, 10)} 分钟无法完整读取 SHOW STORAGE INFO（opentruss_memgraph_storage_info_up = 0）：MemgraphMemoryNearLimit 因此看不到 Memgraph 的内存，容量仪表板的 Memgraph 一行出现缺口。导出器日志说明缺了哪一项。`,
          en: `The business exporter has not read SHOW STORAGE INFO completely for ${Number.parseInt(t.unreadableFor, 10)} min (opentruss_memgraph_storage_info_up = 0): MemgraphMemoryNearLimit cannot see Memgraph's memory meanwhile, and the capacity dashboard's Memgraph row has gaps. The exporter's log names what is missing.`,
        },
        panel: panel('capacity', 11, { zh: 'Memgraph 存储信息可读', en: 'Memgraph storage info readable' }),
        noDataState: 'OK',
        noDataReason: {
          zh: '没有序列说明业务导出器没有被抓取，由 BusinessExporterDown 报告。',
          en: 'No series means the business exporter is not scraped, which BusinessExporterDown reports.',
        },
      },
    ];
  },
});
