// Panels reading the business exporter through Prometheus (job opentruss-business): the business alerts' home
// panels and the history of figures the Memgraph panels only show as of now.
import { PanelBuilder as TablePanelBuilder } from '@grafana/grafana-foundation-sdk/table';
import { SELECTORS } from '@opentruss/alerts';
import { catalogueDescription, catalogueTitle } from './catalogue';
import { describe } from './text';
import { timeseries } from './timeseries';
import { promTarget } from '../queries/prometheus';
import { catalogueTarget } from '../queries/memgraph';

const JOB = SELECTORS.business;

/** Adds the building's readable name (`name` label of the info series) to a per-building expression. */
const named = (expr: string) =>
  `${expr}\n* on (project, building) group_left (name) max by (project, building, name) (opentruss_business_building_info{${JOB}})`;

/** SUBMITTED lots per building over time: how the approval backlog builds up and drains. */
export function awaitingApprovalHistory(id: number) {
  return timeseries()
    .id(id)
    .title('待审批检验批趋势 / Lots awaiting approval over time')
    .description(
      describe(
        'Inspection lots in SUBMITTED per building, as the business exporter collects them from Memgraph every few minutes (opentruss_business_lots_awaiting_approval): the history the Memgraph tables cannot show.',
        '各单体待审批（SUBMITTED）检验批数量的历史，由业务导出器每隔几分钟从 Memgraph 采集。'
      )
    )
    .withTarget(promTarget(named(`max by (project, building) (opentruss_business_lots_awaiting_approval{${JOB}})`), '{{name}}'))
    .unit('short')
    .decimals(0);
}

/** Accepted share of each building's lots over time. */
export function acceptanceHistory(id: number) {
  return timeseries()
    .id(id)
    .title('单体验收进度趋势 / Acceptance progress over time')
    .description(
      describe(
        'Accepted lots (APPROVED + PUBLISHED) ÷ all lots per building over time: the acceptance progress of all its divisions together (opentruss_business_acceptance_ratio).',
        '各单体已验收（APPROVED + PUBLISHED）检验批占比的历史，即其所有分部合计的验收进度。'
      )
    )
    .withTarget(promTarget(named(`max by (project, building) (opentruss_business_acceptance_ratio{${JOB}})`), '{{name}}'))
    .unit('percentunit')
    .min(0)
    .max(1);
}

/** The catalogue's per-building waiting table (Memgraph, drilled down by the variables). */
export function pendingPerBuildingTable(id: number) {
  const queryId = 'pending-approvals-per-building';
  return new TablePanelBuilder()
    .id(id)
    .title(catalogueTitle(queryId))
    .description(catalogueDescription(queryId, 'The business exporter exports the same figures for alerting.'))
    .withTarget(catalogueTarget(queryId))
    .overrideByName('oldest_submitted_at', [{ id: 'unit', value: 'dateTimeAsIso' }])
    .overrideByName('oldest_age_seconds', [{ id: 'unit', value: 's' }])
    .overrideByName('project_id', [{ id: 'custom.hidden', value: true }])
    .overrideByName('building_id', [{ id: 'custom.hidden', value: true }]);
}
