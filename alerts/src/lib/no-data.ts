// What "no series" means, shared by several alerts: each preset is a Grafana `noDataState` with the reason for it.
import type { Bilingual, NoDataState } from '../model';

export const NO_DATA = {
  hostMetrics: {
    // node-exporter gone would otherwise raise one DatasourceNoData per host rule ("CPU usage is high … NaN%").
    noDataState: 'OK',
    noDataReason: {
      zh: '没有序列说明 node-exporter 没有被抓取：由 NodeExporterDown 报告一次，而不是每条主机告警各报一次无数据。',
      en: 'No series means node-exporter is not scraped: NodeExporterDown reports that once, instead of a no-data alert from every host rule.',
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
      zh: '不在减少的文件系统的剩余时间为 +Inf（永不写满），Grafana 会把它当作无数据；因此无数据按正常处理。node-exporter 消失由 NodeExporterDown 报告。',
      en: 'A filesystem that is not shrinking reads +Inf ("never full"), which Grafana treats as no data, so no data counts as normal here. node-exporter vanishing is reported by NodeExporterDown.',
    },
  },
} as const satisfies Record<string, { noDataState: NoDataState; noDataReason: Bilingual }>;
