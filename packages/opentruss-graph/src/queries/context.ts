import type { DemoGraph } from '../demo-graph/model';
import { isPlaceholderId } from '../vocabulary';
import { orderBy } from './order';
import type { EvaluationContext } from './types';

const DAY_MS = 86_400_000;

/**
 * The context the bundled fixture is evaluated in: the last 90 days up to the graph's "now", a one-day interval,
 * "All" projects and buildings, and the SUBMITTED lot with the smallest id (any lot when none is submitted).
 */
export function defaultEvaluationContext(graph: DemoGraph): EvaluationContext {
  const now = graph.nowMs;
  const real = (label: 'Project' | 'Building') =>
    graph
      .withLabel(label)
      .filter((node) => !isPlaceholderId(node.id))
      .map((node) => node.id);
  const lots = orderBy(graph.withLabel('InspectionLot'), { by: (lot) => lot.id });
  const lot = lots.find((candidate) => candidate.properties.status === 'SUBMITTED') ?? lots[0];
  return {
    from: now - 90 * DAY_MS,
    to: now,
    intervalMs: DAY_MS,
    now,
    variables: { project: real('Project'), building: real('Building'), lot: lot?.id ?? '' },
  };
}
