// Grafana transformations that turn a catalogue query's rows into the one number a wall stat shows. All of them
// are in @grafana/data's standard set, so the tests run them on the datasource's real frames.
import type { DataTransformerConfig } from '@grafana/grafana-foundation-sdk/dashboard';
import { ELEMENT_STATUSES, type ElementStatus, type LotStatus } from '@opentruss/opentruss-graph';

/** Keeps the rows whose `field` equals `value`. */
function keepRowsWhere(field: string, value: string): DataTransformerConfig {
  return {
    id: 'filterByValue',
    options: {
      type: 'include',
      match: 'any',
      filters: [{ fieldName: field, config: { id: 'equal', options: { value } } }],
    },
  };
}

/** `lots-by-status` → the row of one status (its `lots` is what the stat shows). */
export function lotsWithStatus(status: LotStatus): DataTransformerConfig[] {
  return [keepRowsWhere('status', status)];
}

export const VERIFIED_SHARE_FIELD = 'verified_share';
const RUNNING_TOTAL_FIELD = 'elements_running_total';
const VERIFIED: ElementStatus = 'Verified';

/**
 * `elements-by-status` (one row per status, in the fixed order of ELEMENT_STATUSES) → Verified ÷ all elements.
 * The running total of `elements` reaches the grand total on the last row, so Verified must be the last status:
 * checked here, at generation time, rather than trusted.
 */
export function verifiedElementShare(): DataTransformerConfig[] {
  if (ELEMENT_STATUSES[ELEMENT_STATUSES.length - 1] !== VERIFIED) {
    throw new Error(
      `The verified-share transformation needs "${VERIFIED}" as the last of ELEMENT_STATUSES (${ELEMENT_STATUSES.join(', ')})`
    );
  }
  return [
    {
      id: 'calculateField',
      options: {
        mode: 'cumulativeFunctions',
        cumulative: { field: 'elements', reducer: 'sum' },
        alias: RUNNING_TOTAL_FIELD,
      },
    },
    {
      id: 'calculateField',
      options: {
        mode: 'binary',
        binary: {
          left: { matcher: { id: 'byName', options: 'elements' } },
          operator: '/',
          right: { matcher: { id: 'byName', options: RUNNING_TOTAL_FIELD } },
        },
        alias: VERIFIED_SHARE_FIELD,
      },
    },
    keepRowsWhere('status', VERIFIED),
  ];
}
