// A down alert's figure as a stat panel: UP/DOWN with the alert's threshold colours and its runbook.
import { BigValueColorMode } from '@grafana/grafana-foundation-sdk/common';
import { MappingType, type Threshold } from '@grafana/grafana-foundation-sdk/dashboard';
import { PanelBuilder as StatPanelBuilder } from '@grafana/grafana-foundation-sdk/stat';
import type { AlertName } from '@opentruss/alerts';
import { alertDescription, alertParts, latestValue } from './alertPanels';
import { panelLink, runbookLink } from './links';
import { alertThresholdSteps, thresholds } from './thresholds';
import { promTarget } from '../queries/prometheus';

/**
 * An up/down figure (a scrape's `up`, Memgraph's handshake) as UP/DOWN. Placed
 * elsewhere than its home (`id`), it also links to the home panel.
 */
export function upStat(alert: AlertName, title: string, what: string, options: { id?: number; legend?: string }) {
  const parts = alertParts(alert);
  const steps: Threshold[] = alertThresholdSteps(parts.spec);
  const home = options.id === undefined || options.id === parts.spec.panelId;
  const links = [
    ...(home ? [] : [panelLink('详细面板 / Full panel', parts.spec.dashboardUid, parts.spec.panelId)]),
    runbookLink(alert),
  ];
  return new StatPanelBuilder()
    .id(options.id ?? parts.spec.panelId)
    .title(title)
    .description(alertDescription(parts, what))
    .withTarget(promTarget(parts.spec.expr, options.legend ?? '{{instance}}'))
    .thresholds(thresholds(steps))
    .mappings([
      {
        type: MappingType.ValueToText,
        options: { '0': { text: 'DOWN', color: 'red', index: 0 }, '1': { text: 'UP', color: 'green', index: 1 } },
      },
    ])
    .reduceOptions(latestValue())
    .colorMode(BigValueColorMode.Background)
    .links(links);
}

