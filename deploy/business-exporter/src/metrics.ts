// The exporter's Prometheus metrics: OpenTruss's own business metrics (names, types, labels and help texts as in
// backend/app/core/metrics.py, which defines but never sets them), the per-building KPIs, and its own health.
import { memgraphStorageMetrics } from '@opentruss/contract';
import { LOW_CONFIDENCE_BELOW } from '@opentruss/opentruss-graph';
import { Counter, Gauge, Registry } from 'prom-client';
import type { BusinessSnapshot } from './collect';
import { STORAGE_SOURCES, type StorageFigure, type StorageSnapshot } from './storage-info';

/** Every metric name the exporter serves, in one place (alerts and dashboards use the same names). */
export const METRIC_NAMES = {
  elementsTotal: 'opentruss_elements_total',
  inspectionLotsTotal: 'opentruss_inspection_lots_total',
  workflowOperationsTotal: 'opentruss_workflow_operations_total',
  lots: 'opentruss_business_lots',
  acceptanceRatio: 'opentruss_business_acceptance_ratio',
  lotsAwaitingApproval: 'opentruss_business_lots_awaiting_approval',
  oldestAwaitingApprovalAge: 'opentruss_business_oldest_awaiting_approval_age_seconds',
  elements: 'opentruss_business_elements',
  aiElements: 'opentruss_business_ai_recognised_elements',
  lowConfidenceElements: 'opentruss_business_low_confidence_elements',
  lowConfidenceRatio: 'opentruss_business_low_confidence_elements_ratio',
  approvalEvents24h: 'opentruss_business_approval_events_24h',
  lastApproval: 'opentruss_business_last_approval_timestamp_seconds',
  distinctApprovers24h: 'opentruss_business_distinct_approvers_24h',
  buildingInfo: 'opentruss_business_building_info',
  buildingsOmitted: 'opentruss_business_buildings_omitted',
  up: 'opentruss_business_up',
  lastSuccess: 'opentruss_business_last_success_timestamp_seconds',
  collectionDuration: 'opentruss_business_collection_duration_seconds',
  collections: 'opentruss_business_collections_total',
  /** Memgraph's own memory and storage (SHOW STORAGE INFO), named in @opentruss/contract. */
  storage: memgraphStorageMetrics,
} as const;

/**
 * Which Memgraph the storage figures describe: the instance MEMGRAPH_URL names — in the stack the REPLICA, which
 * holds the same graph as MAIN (docs/replica.md); its process, memory limit and data directory are its own.
 */
const MEASURED_ON = 'of the Memgraph instance the exporter reads (the stack: the replica, holding the same graph as MAIN)';
const ROUNDED = 'Memgraph prints it rounded to 1/100 of KiB/MiB/GiB/TiB';

/** HELP of each storage figure: what Memgraph's row means (src/query/interpreter.cpp at v3.12.0). */
const STORAGE_HELP: Record<StorageFigure, string> = {
  memoryResident: `Resident memory (RSS) ${MEASURED_ON}; SHOW STORAGE INFO memory_res, ${ROUNDED}`,
  peakResident: `Highest resident memory since start ${MEASURED_ON}; SHOW STORAGE INFO peak_memory_res, ${ROUNDED}`,
  memoryTracked: `Memory Memgraph's allocator tracks ${MEASURED_ON}, what its memory limit is enforced on (queries fail with "Memory limit exceeded" at the limit); SHOW STORAGE INFO memory_tracked, ${ROUNDED}`,
  memoryLimit: `Memory limit ${MEASURED_ON} (--memory-limit; by default 90% of the host's MemTotal without swap); SHOW STORAGE INFO memory_limit, ${ROUNDED}`,
  diskUsage: `Size of the data directory (snapshots, WAL) ${MEASURED_ON}; SHOW STORAGE INFO disk_usage, ${ROUNDED}`,
  graphMemoryTracked: `Tracked memory of the graph (vertices, edges, properties, indices) of the current database ${MEASURED_ON}; SHOW STORAGE INFO ON CURRENT DATABASE graph_memory_tracked, ${ROUNDED}`,
  vertices: `Vertices in the current database ${MEASURED_ON}; SHOW STORAGE INFO ON CURRENT DATABASE vertex_count`,
  edges: `Edges in the current database ${MEASURED_ON}; SHOW STORAGE INFO ON CURRENT DATABASE edge_count`,
};

const BUILDING = ['project', 'building'] as const;

export interface BusinessMetrics {
  registry: Registry;
  /** Replaces every business value with the snapshot's; marks the collection successful. */
  publish(snapshot: BusinessSnapshot, finishedAtMs: number, durationSeconds: number): void;
  /** Removes every business value (none is presented as current after a failure); marks the collection failed. */
  fail(durationSeconds: number): void;
  /** Replaces Memgraph's storage figures with the snapshot's: a figure it lacks is withdrawn, not kept. */
  publishStorage(snapshot: StorageSnapshot): void;
}

export function createBusinessMetrics(): BusinessMetrics {
  const registry = new Registry();
  const registers = [registry];
  const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[] = []) =>
    new Gauge<L>({ name, help, labelNames, registers });
  // prom-client serves a gauge without labels as 0 even after reset(): such business gauges are registered only
  // while a successful collection's figures are published.
  const unlabelled = (name: string, help: string) => new Gauge({ name, help, registers: [] });

  // OpenTruss's own definitions (backend/app/core/metrics.py): same names, types, labels and help.
  const elementsTotal = gauge(METRIC_NAMES.elementsTotal, 'Total number of elements in the database', ['status']);
  const lotsTotal = gauge(METRIC_NAMES.inspectionLotsTotal, 'Total number of inspection lots', ['status']);
  const workflow = new Counter({
    name: METRIC_NAMES.workflowOperationsTotal,
    help: 'Total number of workflow operations',
    labelNames: ['operation_type', 'status'] as const,
    registers,
  });

  const business = {
    lots: gauge(METRIC_NAMES.lots, 'Inspection lots per building and status', [...BUILDING, 'status']),
    acceptance: gauge(
      METRIC_NAMES.acceptanceRatio,
      'Accepted lots (APPROVED + PUBLISHED) / all lots of the building: the acceptance progress of its divisions together (0 without lots)',
      BUILDING
    ),
    awaiting: gauge(METRIC_NAMES.lotsAwaitingApproval, 'Inspection lots in SUBMITTED (awaiting approval)', BUILDING),
    oldestAge: gauge(
      METRIC_NAMES.oldestAwaitingApprovalAge,
      'Seconds the oldest SUBMITTED lot has waited since submission (absent when none waits)',
      BUILDING
    ),
    elements: gauge(METRIC_NAMES.elements, 'Elements per building and status', [...BUILDING, 'status']),
    aiElements: gauge(METRIC_NAMES.aiElements, 'Elements with an AI recognition confidence', BUILDING),
    lowConfidence: gauge(
      METRIC_NAMES.lowConfidenceElements,
      `Elements recognised with a confidence below ${LOW_CONFIDENCE_BELOW}`,
      BUILDING
    ),
    lowConfidenceRatio: gauge(
      METRIC_NAMES.lowConfidenceRatio,
      `Share of AI-recognised elements with a confidence below ${LOW_CONFIDENCE_BELOW} (absent without AI-recognised elements)`,
      BUILDING
    ),
    events: gauge(
      METRIC_NAMES.approvalEvents24h,
      'Approvals and rejections (ApprovalHistory) in the last 24 h, per action',
      [...BUILDING, 'action']
    ),
    lastApproval: gauge(
      METRIC_NAMES.lastApproval,
      'Time of the last approval of a lot of the building (absent when it never had one)',
      BUILDING
    ),
    approvers: unlabelled(
      METRIC_NAMES.distinctApprovers24h,
      'Distinct users who approved or rejected a lot in the last 24 h: the stand-in for daily active users, which OpenTruss does not record'
    ),
    info: gauge(METRIC_NAMES.buildingInfo, 'Building names for the per-building series (always 1)', [...BUILDING, 'name']),
    omitted: unlabelled(
      METRIC_NAMES.buildingsOmitted,
      'Real buildings left without per-building series by BUSINESS_EXPORTER_MAX_BUILDINGS'
    ),
  };

  const up = gauge(METRIC_NAMES.up, '1 when the last collection from Memgraph succeeded, 0 when it failed');
  const lastSuccess = gauge(METRIC_NAMES.lastSuccess, 'When the last successful collection finished');
  const duration = gauge(METRIC_NAMES.collectionDuration, 'How long the last collection took');
  const collections = new Counter({
    name: METRIC_NAMES.collections,
    help: 'Collections by result (success, failure)',
    labelNames: ['result'] as const,
    registers,
  });
  collections.inc({ result: 'success' }, 0);
  collections.inc({ result: 'failure' }, 0);

  // Unlabelled, so registered only while their figure was read (see `unlabelled`).
  const storage = Object.fromEntries(
    (Object.keys(STORAGE_SOURCES) as StorageFigure[]).map((figure) => [
      figure,
      unlabelled(memgraphStorageMetrics[figure], STORAGE_HELP[figure]),
    ])
  ) as Record<StorageFigure, Gauge>;
  const storageUp = gauge(
    memgraphStorageMetrics.up,
    '1 when the last collection read every figure of SHOW STORAGE INFO, 0 when a statement failed or a row was missing (the exporter logs which)'
  );

  const clearBusiness = () => {
    elementsTotal.reset();
    lotsTotal.reset();
    workflow.reset();
    Object.values(business).forEach((metric) => metric.reset());
    for (const name of [METRIC_NAMES.distinctApprovers24h, METRIC_NAMES.buildingsOmitted]) {
      registry.removeSingleMetric(name);
    }
  };

  return {
    registry,
    publish(snapshot, finishedAtMs, durationSeconds) {
      clearBusiness();
      for (const [status, n] of Object.entries(snapshot.elementsByStatus)) {
        elementsTotal.set({ status }, n);
      }
      for (const [status, n] of Object.entries(snapshot.lotsByStatus)) {
        lotsTotal.set({ status }, n);
      }
      // The history is never deleted, so its size per action only grows: exactly a counter's meaning.
      for (const [action, n] of Object.entries(snapshot.approvalTotals)) {
        workflow.inc({ operation_type: action.toLowerCase(), status: 'success' }, n);
      }
      for (const metric of [business.approvers, business.omitted]) {
        registry.registerMetric(metric);
      }
      business.approvers.set(snapshot.distinctApprovers);
      business.omitted.set(snapshot.buildingsOmitted);
      for (const b of snapshot.buildings) {
        const labels = { project: b.project, building: b.building };
        business.info.set({ ...labels, name: b.name }, 1);
        for (const [status, n] of Object.entries(b.lotsByStatus)) {
          business.lots.set({ ...labels, status }, n);
        }
        business.acceptance.set(labels, b.acceptanceRatio);
        business.awaiting.set(labels, b.awaitingApproval);
        if (b.oldestAwaitingAgeSeconds !== null) {
          business.oldestAge.set(labels, b.oldestAwaitingAgeSeconds);
        }
        for (const [status, n] of Object.entries(b.elementsByStatus)) {
          business.elements.set({ ...labels, status }, n);
        }
        business.aiElements.set(labels, b.aiElements);
        business.lowConfidence.set(labels, b.lowConfidenceElements);
        if (b.aiElements > 0) {
          business.lowConfidenceRatio.set(labels, b.lowConfidenceElements / b.aiElements);
        }
        for (const [action, n] of Object.entries(b.recentEvents)) {
          business.events.set({ ...labels, action }, n);
        }
        if (b.lastApprovalMs !== null) {
          business.lastApproval.set(labels, b.lastApprovalMs / 1000);
        }
      }
      up.set(1);
      lastSuccess.set(finishedAtMs / 1000);
      duration.set(durationSeconds);
      collections.inc({ result: 'success' });
    },
    publishStorage(snapshot) {
      for (const [figure, metric] of Object.entries(storage) as Array<[StorageFigure, Gauge]>) {
        const value = snapshot.figures[figure];
        registry.removeSingleMetric(memgraphStorageMetrics[figure]);
        if (value !== undefined) {
          registry.registerMetric(metric);
          metric.set(value);
        }
      }
      storageUp.set(snapshot.problems.length === 0 ? 1 : 0);
    },
    fail(durationSeconds) {
      clearBusiness();
      up.set(0);
      duration.set(durationSeconds);
      collections.inc({ result: 'failure' });
    },
  };
}
