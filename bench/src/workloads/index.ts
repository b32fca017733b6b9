import type { Profile } from '../profile';
import { conversionWorkload } from './conversion';
import { type PanelWorkload, panelWorkloads, slowStreamingPanel } from './panels';
import { timeSeriesWorkload } from './timeSeries';
import type { Workload } from './workload';

export type { PanelWorkload } from './panels';
export { toResponder, type Workload } from './workload';

export interface BenchWorkloads {
  conversion: Workload;
  timeSeries: Workload;
  /** Figure 3: Memgraph's work per panel spread over the ops manual's normal query time (< 100 ms). */
  concurrencyPanels: PanelWorkload[];
  /** Figure 4: quick panels, so 10,000 queries fit in a bounded run, plus one that is still streaming at refresh. */
  soakPanels: PanelWorkload[];
  soakSlowPanel: PanelWorkload;
}

/** Built from the profile on both sides: the server answers these queries, the client sends them. */
export function benchWorkloads(profile: Profile): BenchWorkloads {
  return {
    conversion: conversionWorkload(profile.conversionRecords),
    timeSeries: timeSeriesWorkload(profile.timeSeriesPoints, profile.timeSeriesSeries),
    concurrencyPanels: panelWorkloads({ dashboard: 'wall', count: profile.panels, minDelayMs: 10, maxDelayMs: 100 }),
    soakPanels: panelWorkloads({ dashboard: 'soak', count: profile.panels - 1, minDelayMs: 0, maxDelayMs: 5 }),
    soakSlowPanel: slowStreamingPanel('soak', 5_000, 25),
  };
}

export function allWorkloads(workloads: BenchWorkloads): Workload[] {
  return [
    workloads.conversion,
    workloads.timeSeries,
    ...workloads.concurrencyPanels,
    ...workloads.soakPanels,
    workloads.soakSlowPanel,
  ];
}
