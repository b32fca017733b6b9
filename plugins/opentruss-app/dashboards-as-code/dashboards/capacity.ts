// Capacity planning: projects, elements and inspection lots now against the ops manual's §8.1 forecast (the
// demo graph's capacity presets are that forecast), with the daily growth that drives it; and Memgraph's own memory
// and storage (SHOW STORAGE INFO, read by the business exporter) against its limit and the host.
import { ReduceDataOptionsBuilder } from '@grafana/grafana-foundation-sdk/common';
import { PanelBuilder as GaugePanelBuilder } from '@grafana/grafana-foundation-sdk/gauge';
import { PanelBuilder as TextPanelBuilder, TextMode } from '@grafana/grafana-foundation-sdk/text';
import { SELECTORS } from '@opentruss/alerts';
import { memgraphStorageMetrics as M } from '@opentruss/contract';
import { DEMO_GRAPH_PRESETS } from '@opentruss/opentruss-graph';
import { alertTimeseries } from '../panels/alertPanels';
import { upStat } from '../panels/upStat';
import { timeseries } from '../panels/timeseries';
import { promTarget } from '../queries/prometheus';
import { catalogueDescription } from '../panels/catalogue';
import { at } from '../panels/grid';
import { dailyBarsOf } from '../panels/memgraphPanels';
import { describe } from '../panels/text';
import { COLORS, thresholds } from '../panels/thresholds';
import { catalogueTarget } from '../queries/memgraph';
import { baseDashboard } from './base';

type Measure = 'projects' | 'elements' | 'lots';

/** Ops manual §8.1: now, in 3 months, in 6 months. */
const CAPACITY_FORECAST = (['capacity-now', 'capacity-3-months', 'capacity-6-months'] as const).map(
  (preset) => ({
    preset,
    projects: DEMO_GRAPH_PRESETS[preset].projects,
    elements: DEMO_GRAPH_PRESETS[preset].elements,
    lots: DEMO_GRAPH_PRESETS[preset].lots,
  })
);

const MEASURES: Array<{ measure: Measure; column: string; title: string; zh: string }> = [
  { measure: 'projects', column: 'projects', title: '项目数 / Projects', zh: '项目数' },
  { measure: 'elements', column: 'elements', title: '构件数 / Elements', zh: '构件数' },
  { measure: 'lots', column: 'inspection_lots', title: '检验批数 / Inspection lots', zh: '检验批数' },
];

const format = (n: number) => n.toLocaleString('en-US');

function forecastMarkdown(): string {
  const [now, in3, in6] = CAPACITY_FORECAST;
  return [
    '运维手册 §8.1 数据增长预测 / Ops manual §8.1 growth forecast',
    '',
    '| 指标 / Measure | 当前 / Now | 3 个月后 / +3 months | 6 个月后 / +6 months |',
    '| --- | ---: | ---: | ---: |',
    ...MEASURES.map(
      ({ measure, title }) =>
        `| ${title} | ${format(now[measure])} | ${format(in3[measure])} | ${format(in6[measure])} |`
    ),
    '',
    'Gauges: green below the 3-month figure, amber up to the 6-month figure, red beyond it (plan the next step of manual §8.2).',
    '仪表：低于 3 个月预测为绿色，介于 3 与 6 个月预测之间为琥珀色，超过 6 个月预测为红色（按手册 §8.2 规划扩容）。',
    '',
    '**Memory is held twice**: viewers read a Memgraph REPLICA, which keeps the whole graph in RAM like MAIN does. Plan the host memory (manual §8.2) for two copies when both run on one host (docs/replica.md).',
    '**内存占用两份**：查看者读的是 Memgraph 副本，它和 MAIN 一样把整个图保存在内存中。两者在同一主机上时，按两份规划主机内存（手册 §8.2，docs/replica.md）。',
  ].join('\n');
}

function forecastGauge(id: number, { measure, column, title, zh }: (typeof MEASURES)[number]) {
  const [now, in3, in6] = CAPACITY_FORECAST;
  return new GaugePanelBuilder()
    .id(id)
    .title(title)
    .description(
      catalogueDescription(
        'capacity-counts',
        `This gauge shows ${column} against the forecast: ${format(now[measure])} now, ${format(in3[measure])} in 3 months, ${format(in6[measure])} in 6 months (markers at the 3- and 6-month figures).`
      ) +
        `\n\n${zh}：当前预测 ${format(now[measure])}，3 个月后 ${format(in3[measure])}，6 个月后 ${format(in6[measure])}。`
    )
    .withTarget(catalogueTarget('capacity-counts'))
    .reduceOptions(new ReduceDataOptionsBuilder().values(false).calcs(['lastNotNull']).fields(`/^${column}$/`))
    .min(0)
    .max(Math.round(in6[measure] * 1.2))
    .decimals(0)
    .unit('short')
    .thresholds(
      thresholds([
        { value: null, color: COLORS.ok },
        { value: in3[measure], color: COLORS.amber },
        { value: in6[measure], color: COLORS.alert },
      ])
    )
    .showThresholdMarkers(true);
}

/** One series of the business exporter's Memgraph figures (one exporter: its labels carry no information). */
const memgraphFigure = (metric: string) => `max(${metric}{${SELECTORS.business}})`;

/**
 * Which Memgraph the figures describe, for every panel of the row: the exporter reads the stack's replica, which
 * holds the same graph as MAIN (docs/replica.md).
 */
const MEASURED = {
  en: 'Figures from SHOW STORAGE INFO, read every 2 minutes by the business exporter on the Memgraph it connects to — in this stack the replica, which holds the same graph as MAIN and runs with the same flags (MAIN also runs OpenTruss’s own queries and snapshots). Sizes are as precise as Memgraph prints them (1/100 of KiB, MiB, GiB). A gap means the exporter could not read them (opentruss_memgraph_storage_info_up = 0; its log says why).',
  zh: '数字来自 SHOW STORAGE INFO，由业务导出器每 2 分钟从它连接的 Memgraph 读取——本栈中是副本，它与 MAIN 保存同一张图、使用相同参数（MAIN 另外执行 OpenTruss 自己的查询和快照）。大小的精度与 Memgraph 打印的一致（KiB、MiB、GiB 的 1/100）。出现缺口说明导出器没能读取（opentruss_memgraph_storage_info_up = 0，日志说明原因）。',
};

/** A time series of Memgraph's figures: each target a PromQL expression with its legend. */
function memgraphPanel(options: {
  id: number;
  title: string;
  what: { en: string; zh: string };
  targets: Array<[expr: string, legend: string]>;
  unit: string;
}) {
  const panel = timeseries()
    .id(options.id)
    .title(options.title)
    .description(describe(`${options.what.en} ${MEASURED.en}`, `${options.what.zh}${MEASURED.zh}`))
    .unit(options.unit)
    .min(0);
  options.targets.forEach(([expr, legend], i) => panel.withTarget(promTarget(expr, legend, String.fromCharCode(65 + i))));
  return panel;
}

const memgraphMemoryPanel = (id: number) =>
  memgraphPanel({
    id,
    title: 'Memgraph 内存 / Memgraph memory',
    what: {
      en: 'Memgraph’s resident memory (RSS), its highest since start, the memory it tracks (what its limit is enforced on), its memory limit, and the host’s RAM (node-exporter MemTotal). With MAIN and the replica on one host, the graph is held twice: the host needs room for both.',
      zh: 'Memgraph 的常驻内存（RSS）、启动以来的峰值、它跟踪的内存（上限按此执行）、内存上限，以及主机内存（node-exporter MemTotal）。MAIN 与副本在同一主机上时图保存两份，主机要为两者留足内存。',
    },
    targets: [
      [memgraphFigure(M.memoryResident), '常驻 / resident'],
      [memgraphFigure(M.peakResident), '峰值 / peak resident'],
      [memgraphFigure(M.memoryTracked), '跟踪 / tracked'],
      [memgraphFigure(M.memoryLimit), '上限 / limit'],
      [`max(node_memory_MemTotal_bytes{${SELECTORS.node}})`, '主机内存 / host RAM'],
    ],
    unit: 'bytes',
  });

const memgraphDiskPanel = (id: number) =>
  memgraphPanel({
    id,
    title: 'Memgraph 数据目录与图内存 / Memgraph data directory and graph memory',
    what: {
      en: 'Size of Memgraph’s data directory (snapshots and WAL) and the tracked memory of the graph itself (vertices, edges, properties, indices), over the dashboard’s range: the storage trend for the manual’s §8 forecasts (hourly figures for 6-month queries: the job:opentruss_memgraph_*:max1h recording rules). The replica takes no periodic snapshots, so MAIN’s data directory is larger; the host’s disks are on the system dashboard.',
      zh: 'Memgraph 数据目录（快照和 WAL）的大小和图本身（顶点、边、属性、索引）的跟踪内存：手册 §8 容量预测所用的存储趋势（6 个月查询使用每小时的记录规则 job:opentruss_memgraph_*:max1h）。副本不做定期快照，MAIN 的数据目录更大；主机磁盘见系统仪表板。',
    },
    targets: [
      [memgraphFigure(M.diskUsage), '数据目录 / data directory'],
      [memgraphFigure(M.graphMemoryTracked), '图内存 / graph memory'],
    ],
    unit: 'bytes',
  });

const memgraphGraphSizePanel = (id: number) =>
  memgraphPanel({
    id,
    title: 'Memgraph 顶点与边 / Memgraph vertices and edges',
    what: {
      en: 'Vertices and edges of Memgraph’s current database: the whole graph, every label (the gauges above count OpenTruss’s projects, elements and lots only).',
      zh: 'Memgraph 当前数据库的顶点数和边数：整张图，包括所有标签（上方仪表只统计 OpenTruss 的项目、构件和检验批）。',
    },
    targets: [
      [memgraphFigure(M.vertices), '顶点 / vertices'],
      [memgraphFigure(M.edges), '边 / edges'],
    ],
    unit: 'short',
  }).decimals(0);

export function capacityDashboard() {
  return baseDashboard('capacity', { from: 'now-180d', refresh: '1h', datasources: ['memgraph', 'prometheus'] })
    .withPanel(forecastGauge(1, MEASURES[0]).gridPos(at(0, 0, 6, 8)))
    .withPanel(forecastGauge(2, MEASURES[1]).gridPos(at(6, 0, 6, 8)))
    .withPanel(forecastGauge(3, MEASURES[2]).gridPos(at(12, 0, 6, 8)))
    .withPanel(
      new TextPanelBuilder()
        .id(4)
        .title('容量预测 / Forecast')
        .description(
          describe(
            'The ops manual’s §8.1 forecast the gauges compare with.',
            '运维手册 §8.1 的容量预测，仪表据此着色。'
          )
        )
        .mode(TextMode.Markdown)
        .content(forecastMarkdown())
        .gridPos(at(18, 0, 6, 8))
    )
    .withPanel(
      dailyBarsOf(5, 'elements-created-over-time', 'The legend sums the range: elements added in the period.').gridPos(
        at(0, 8, 12, 9)
      )
    )
    .withPanel(
      dailyBarsOf(6, 'lots-created-over-time', 'The legend sums the range: lots added in the period.').gridPos(
        at(12, 8, 12, 9)
      )
    )
    .withPanel(
      alertTimeseries('MemgraphMemoryNearLimit', {
        legend: 'Memgraph',
        what: `Memory Memgraph tracks (what its limit is enforced on) as a share of the smaller of its memory limit and the host’s RAM. ${MEASURED.en}`,
      }).gridPos(at(0, 17, 12, 8))
    )
    .withPanel(memgraphMemoryPanel(8).gridPos(at(12, 17, 12, 8)))
    .withPanel(memgraphDiskPanel(9).gridPos(at(0, 25, 12, 8)))
    .withPanel(memgraphGraphSizePanel(10).gridPos(at(12, 25, 12, 8)))
    .withPanel(
      upStat(
        'MemgraphStorageInfoUnreadable',
        'Memgraph 存储信息可读 / Memgraph storage info readable',
        `Whether the business exporter's last collection read every figure of SHOW STORAGE INFO (UP) or not (DOWN: the figures above have gaps; its log names what is missing). ${MEASURED.en}`,
        { legend: 'Memgraph' }
      ).gridPos(at(0, 33, 6, 4))
    );
}
