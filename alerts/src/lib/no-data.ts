// What "no series" means, shared by several alerts: each preset is a Grafana `noDataState` with the reason for it.
import type { Bilingual, NoDataState } from '../model';

export const NO_DATA = {
  hostMetrics: {
    noDataState: 'NoData',
    noDataReason: {
      zh: 'node-exporter 的指标消失（抓取失败或目标被删除）时，Grafana 以 DatasourceNoData 告警提示，而不是静默。',
      en: 'If node-exporter metrics disappear (scrape failing, target removed), Grafana raises DatasourceNoData instead of staying silent.',
    },
  },
  quietIsNormal: {
    noDataState: 'OK',
    noDataReason: {
      zh: '没有序列是正常的（没有流量，或当前后端尚未记录该指标）；后端是否被抓取由 OpenTrussBackendDown 负责。',
      en: 'No series is normal here (no traffic, or the current backend does not record this metric yet); whether the backend is scraped at all is OpenTrussBackendDown’s job.',
    },
  },
  neverFills: {
    // Grafana's reduce (mode dropNN) drops +Inf, so each filesystem that is not filling up ("never full") reduces
    // to no value, which is a NoData result for that series: NoData here would page about every quiet disk.
    noDataState: 'OK',
    noDataReason: {
      zh: '不在减少的文件系统的剩余时间为 +Inf（永不写满），Grafana 会把它当作无数据；因此无数据按正常处理。node-exporter 消失由 HighDiskUsage 等主机告警报告。',
      en: 'A filesystem that is not shrinking reads +Inf ("never full"), which Grafana treats as no data, so no data counts as normal here. node-exporter vanishing is reported by HighDiskUsage and the other host alerts.',
    },
  },
  missingTargetAlerts: {
    noDataState: 'Alerting',
    noDataReason: {
      zh: '表达式在目标缺失时本身返回 0；若仍无数据，说明 Prometheus 查询异常，按告警处理。',
      en: 'The expression itself returns 0 when the target is missing; no data at all means Prometheus is not answering, treated as alerting.',
    },
  },
} as const satisfies Record<string, { noDataState: NoDataState; noDataReason: Bilingual }>;
