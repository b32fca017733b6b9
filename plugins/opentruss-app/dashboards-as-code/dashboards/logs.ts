// Logs: every service's log lines as Alloy labels them in Loki (service, level), kept 30 days. Log volume by
// service and level, error lines by service, a searchable log panel ($service, $level, $search), the log alerts'
// home panels and the log pipeline's own health. The ops manual's §3.3 commands in one place (docs/logs.md).
import { GraphDrawStyle, LogsSortOrder, StackingConfigBuilder, StackingMode } from '@grafana/grafana-foundation-sdk/common';
import { PanelBuilder as LogsPanelBuilder } from '@grafana/grafana-foundation-sdk/logs';
import { LOG_SELECTORS, countOverTime } from '@opentruss/alerts';
import { alertContextTimeseries, alertTimeseries } from '../panels/alertPanels';
import { at } from '../panels/grid';
import { describe } from '../panels/text';
import { timeseries } from '../panels/timeseries';
import { lokiLogsTarget, lokiTarget } from '../queries/loki';
import { logVariables } from '../variables';
import { upStat } from '../panels/upStat';
import { baseDashboard } from './base';

/** The lines the filters select. `$search` empty matches every line. */
export const SELECTED_LINES = '{service=~"$service", level=~"$level"} |= "$search"';
const SELECTED_ERRORS = '{service=~"$service", level=~"error|critical"}';

/** How many lines the log panel fetches (Grafana's Loki default is 1000; the newest come first). */
const LOG_PANEL_LINES = 1000;

export function logsDashboard() {
  return baseDashboard('logs', {
    from: 'now-1h',
    refresh: '1m',
    datasources: ['loki', 'prometheus'],
    variables: logVariables(),
  })
    .withPanel(
      timeseries()
        .id(1)
        .title('日志量（按服务和级别）/ Log volume by service and level')
        .description(
          describe(
            'Log lines per interval of the selected services and levels (and search text), stacked by service and level: a burst or a silence stands out.',
            '所选服务、级别（和搜索文本）每个时间间隔的日志行数，按服务和级别堆叠：突增或沉默一目了然。'
          )
        )
        .withTarget(lokiTarget(`sum by (service, level) (count_over_time(${SELECTED_LINES} [$__auto]))`, '{{service}} {{level}}'))
        .drawStyle(GraphDrawStyle.Bars)
        .fillOpacity(80)
        .stacking(new StackingConfigBuilder().mode(StackingMode.Normal))
        .unit('short')
        .gridPos(at(0, 0, 16, 8))
    )
    .withPanel(
      timeseries()
        .id(2)
        .title('错误日志速率（按服务）/ Error lines by service')
        .description(
          describe(
            'ERROR and CRITICAL lines per second of each selected service (the level filter does not apply here).',
            '每个所选服务每秒的 ERROR 和 CRITICAL 日志行数（不受级别筛选影响）。'
          )
        )
        .withTarget(lokiTarget(`sum by (service) (rate(${SELECTED_ERRORS} [$__auto]))`, '{{service}}'))
        .unit('short')
        .axisSoftMin(0)
        .gridPos(at(16, 0, 8, 8))
    )
    .withPanel(
      new LogsPanelBuilder()
        .id(3)
        .title('日志 / Log lines')
        .description(
          describe(
            `The newest ${LOG_PANEL_LINES} lines of the selected services and levels containing the search text (the manual’s “docker-compose logs … | grep …”, over 30 days). Open a line for its labels, stream and container.`,
            `所选服务和级别中包含搜索文本的最新 ${LOG_PANEL_LINES} 行（相当于手册的 “docker-compose logs … | grep …”，可查 30 天）。`
          )
        )
        .withTarget(lokiLogsTarget(SELECTED_LINES, LOG_PANEL_LINES))
        .showTime(true)
        .wrapLogMessage(true)
        .enableLogDetails(true)
        .sortOrder(LogsSortOrder.Descending)
        .gridPos(at(0, 8, 24, 14))
    )
    .withPanel(
      alertTimeseries('BackendErrorLogBurst', {
        legend: 'ERROR/CRITICAL lines',
        what: 'ERROR and CRITICAL lines the OpenTruss backend wrote in the last 5 minutes.',
      }).gridPos(at(0, 22, 8, 8))
    )
    .withPanel(
      alertTimeseries('CriticalLogged', {
        legend: 'CRITICAL lines',
        what: 'CRITICAL lines of every service in the last 5 minutes.',
      }).gridPos(at(8, 22, 8, 8))
    )
    .withPanel(
      alertTimeseries('MemgraphErrorLogged', {
        legend: 'ERROR/CRITICAL lines',
        what: 'Memgraph’s ERROR and CRITICAL records in the last 5 minutes (its log files), without the harmless licence message of Community replicas.',
      }).gridPos(at(16, 22, 8, 8))
    )
    .withPanel(
      upStat('LokiDown', 'Loki 在线状态 / Loki up', 'Whether Prometheus can scrape Loki’s /metrics (1 = up); 0 also when no loki target is configured.', {}).gridPos(
        at(0, 30, 4, 8)
      )
    )
    .withPanel(
      upStat('AlloyDown', 'Alloy 在线状态 / Alloy up', 'Whether Prometheus can scrape Alloy’s /metrics (1 = up); 0 also when no alloy target is configured.', {}).gridPos(
        at(4, 30, 4, 8)
      )
    )
    .withPanel(
      alertContextTimeseries('CriticalLogged', {
        id: 15,
        title: 'CRITICAL 日志（按服务）/ CRITICAL lines by service',
        description: describe(
          'The CriticalLogged alert’s count split by service: which service wrote them. Red: the alert threshold.',
          'CriticalLogged 告警的计数按服务拆分：是哪个服务写的。红色：告警阈值。'
        ),
        expr: countOverTime(LOG_SELECTORS.critical, '5m', ['service']),
        legend: '{{service}}',
      }).gridPos(at(8, 30, 16, 8))
    );
}
