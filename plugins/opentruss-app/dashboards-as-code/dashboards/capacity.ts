// Capacity planning: projects, elements and inspection lots now against the ops manual's §8.1 forecast (the
// demo graph's capacity presets are that forecast), with the daily growth that drives it.
import { ReduceDataOptionsBuilder } from '@grafana/grafana-foundation-sdk/common';
import { PanelBuilder as GaugePanelBuilder } from '@grafana/grafana-foundation-sdk/gauge';
import { PanelBuilder as TextPanelBuilder, TextMode } from '@grafana/grafana-foundation-sdk/text';
import { DEMO_GRAPH_PRESETS } from '@opentruss/opentruss-graph';
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

export function capacityDashboard() {
  return baseDashboard('capacity', { from: 'now-180d', refresh: '1h', datasources: ['memgraph'] })
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
    );
}
