// Wall overview, made for a screen across the room (kiosk mode): firing OpenTruss alerts, then large stats
// coloured by the alerts' thresholds, then the approval backlog and acceptance progress.
import {
  BarGaugeNamePlacement,
  BigValueColorMode,
  BigValueGraphMode,
  BigValueTextMode,
} from '@grafana/grafana-foundation-sdk/common';
import { PanelBuilder as StatPanelBuilder } from '@grafana/grafana-foundation-sdk/stat';
import { DASHBOARD_UIDS } from '@opentruss/contract';
import type { CatalogueQueryId } from '@opentruss/opentruss-graph';
import { alertStat } from '../panels/alertPanels';
import { openTrussAlertList } from '../panels/alertList';
import { catalogueDescription } from '../panels/catalogue';
import { at } from '../panels/grid';
import { logsDashboardLink, panelLink } from '../panels/links';
import { describe } from '../panels/text';
import { COLORS, neutralThresholds, thresholds } from '../panels/thresholds';
import { VERIFIED_SHARE_FIELD, lotsWithStatus, verifiedElementShare } from '../panels/transformations';
import { catalogueTarget } from '../queries/memgraph';
import { drillDownVariables } from '../variables';
import { perRow, rowBars, waitingTimeBars } from '../panels/memgraphPanels';
import { backendUpStat } from './apiDatabase';
import { baseDashboard } from './base';

/** Business panels of the business dashboard the wall's business stats open. */
const BUSINESS = { lotsByStatus: 1, elementsByStatus: 3, ageBuckets: 6, divisionProgress: 8 } as const;

function businessStat(options: {
  id: number;
  title: string;
  description: string;
  queryId: CatalogueQueryId;
  businessPanel: number;
}) {
  return new StatPanelBuilder()
    .id(options.id)
    .title(options.title)
    .description(options.description)
    .withTarget(catalogueTarget(options.queryId))
    .colorMode(BigValueColorMode.Background)
    .graphMode(BigValueGraphMode.None)
    .textMode(BigValueTextMode.Value)
    .links([panelLink('业务面板 / Business panel', DASHBOARD_UIDS.business, options.businessPanel)]);
}

export function wallDashboard() {
  return baseDashboard('wall', {
    from: 'now-6h',
    refresh: '1m',
    datasources: ['prometheus', 'memgraph'],
    links: [logsDashboardLink()],
    // The business queries read $project and $building: on the wall they stay hidden, at "All".
    variables: drillDownVariables({ hidden: true }),
  })
    .withPanel(
      openTrussAlertList({
        id: 1,
        title: '告警中 / Firing OpenTruss alerts',
        description: describe(
          'OpenTruss alerts that are firing, pending or failing to evaluate (rules labelled service="opentruss"), most important first. Each opens its rule, whose runbook link leads to the app’s runbook page.',
          '正在告警、待定或评估失败的 OpenTruss 告警（标签 service="opentruss"），按重要性排序。'
        ),
        maxItems: 12,
      }).gridPos(at(0, 0, 8, 16))
    )
    .withPanel(
      alertStat('HighAPILatency', {
        id: 2,
        title: 'API P95',
        what: '95th percentile of API response time over the last 5 minutes.',
      }).gridPos(at(8, 0, 4, 8))
    )
    .withPanel(
      alertStat('HighAPIErrorRate', {
        id: 3,
        title: 'API 错误率 / Errors',
        what: 'Share of API requests answered with a 5xx status over the last 5 minutes.',
      })
        .decimals(2)
        .gridPos(at(12, 0, 4, 8))
    )
    .withPanel(
      businessStat({
        id: 4,
        title: '待审批 / Awaiting approval',
        description: catalogueDescription(
          'lots-by-status',
          'The wall shows the SUBMITTED row: lots waiting for an approver.'
        ),
        queryId: 'lots-by-status',
        businessPanel: BUSINESS.ageBuckets,
      })
        .transformations(lotsWithStatus('SUBMITTED'))
        .reduceOptions(perRow('lots'))
        .thresholds(neutralThresholds())
        .decimals(0)
        .gridPos(at(16, 0, 4, 8))
    )
    .withPanel(
      businessStat({
        id: 5,
        title: '已核验构件 / Verified elements',
        description: catalogueDescription('elements-by-status', 'The wall shows Verified elements ÷ all elements.'),
        queryId: 'elements-by-status',
        businessPanel: BUSINESS.elementsByStatus,
      })
        .transformations(verifiedElementShare())
        .reduceOptions(perRow(VERIFIED_SHARE_FIELD))
        .unit('percentunit')
        .decimals(1)
        .min(0)
        .max(1)
        .thresholds(neutralThresholds())
        .gridPos(at(20, 0, 4, 8))
    )
    .withPanel(
      alertStat('HighCPUUsage', { id: 6, title: 'CPU', what: 'CPU usage of the busiest host.', aggregate: 'max' })
        .decimals(0)
        .gridPos(at(8, 8, 4, 8))
    )
    .withPanel(
      alertStat('HighMemoryUsage', {
        id: 7,
        title: '内存 / Memory',
        what: 'Memory usage of the fullest host.',
        aggregate: 'max',
      })
        .decimals(0)
        .gridPos(at(12, 8, 4, 8))
    )
    .withPanel(
      alertStat('HighDiskUsage', {
        id: 8,
        title: '磁盘 / Disk',
        what: 'Usage of the fullest filesystem.',
        aggregate: 'max',
      })
        .decimals(0)
        .gridPos(at(16, 8, 4, 8))
    )
    .withPanel(backendUpStat({ id: 9 }).gridPos(at(20, 8, 4, 8)))
    .withPanel(
      rowBars({
        id: 10,
        title: '分部验收进度 / Division acceptance progress',
        queryId: 'division-acceptance-progress',
        valueField: 'progress',
        nameTemplate: '${__data.fields.building} · ${__data.fields.division}',
        note: 'One bar per division: APPROVED + PUBLISHED lots ÷ all lots.',
      })
        .unit('percentunit')
        .min(0)
        .max(1)
        .thresholds(thresholds([{ value: null, color: COLORS.ok }]))
        .namePlacement(BarGaugeNamePlacement.Left)
        .links([panelLink('业务面板 / Business panel', DASHBOARD_UIDS.business, BUSINESS.divisionProgress)])
        .gridPos(at(0, 16, 16, 10))
    )
    .withPanel(
      waitingTimeBars(11, '待审批等待时长 / Waiting for approval')
        .links([panelLink('业务面板 / Business panel', DASHBOARD_UIDS.business, BUSINESS.ageBuckets)])
        .gridPos(at(16, 16, 8, 10))
    )
    .withPanel(
      alertStat('ApprovalBacklogAgeing', {
        id: 12,
        title: '最久待审批 / Longest wait',
        what: 'Hours the longest-waiting submitted lot of any building has waited (business exporter).',
        aggregate: 'max',
      })
        .decimals(0)
        .gridPos(at(0, 26, 8, 6))
    )
    .withPanel(
      alertStat('AcceptanceStalled', {
        id: 13,
        title: '验收停滞 / Days without acceptance',
        what: 'The worst building: days without an approval while its lots wait (business exporter).',
        aggregate: 'max',
      })
        .decimals(1)
        .gridPos(at(8, 26, 8, 6))
    )
    .withPanel(
      alertStat('BusinessMetricsStale', {
        id: 14,
        title: '业务数据新鲜度 / Business data age',
        what: 'Minutes since the business exporter last collected from Memgraph.',
      })
        .decimals(0)
        .gridPos(at(16, 26, 8, 6))
    );
}
