import type { DataFrame, DataQueryResponse } from '@grafana/data';

import type { SerializedFrame, SerializedResponse } from './types';

/** JSON-safe copy of a value (bigints and other exotic values as text). */
function plain(value: unknown): unknown {
  if (value === null || value === undefined || ['string', 'number', 'boolean'].includes(typeof value)) {
    return value ?? null;
  }
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
}

export function serializeFrame(frame: DataFrame): SerializedFrame {
  return {
    refId: frame.refId,
    name: frame.name,
    length: frame.length,
    meta: frame.meta && {
      preferredVisualisationType: frame.meta.preferredVisualisationType,
      executedQueryString: frame.meta.executedQueryString,
      notices: frame.meta.notices?.map((notice) => ({ severity: notice.severity, text: notice.text })),
    },
    fields: frame.fields.map((field) => ({
      name: field.name,
      type: field.type,
      values: Array.from(field.values, plain),
      labels: field.labels,
      config: { displayNameFromDS: field.config.displayNameFromDS, unit: field.config.unit },
    })),
  };
}

export function serializeResponse(
  response: DataQueryResponse | undefined,
  state: SerializedResponse['state']
): SerializedResponse {
  const errors = response?.errors ?? (response?.error ? [response.error] : []);
  return {
    state: errors.length && state === 'Done' ? 'Error' : state,
    frames: (response?.data ?? []).map((frame: DataFrame) => serializeFrame(frame)),
    errors: errors.map((error) => ({
      refId: error.refId,
      message: error.message,
      ...(error.data?.error ? { details: error.data.error } : {}),
    })),
  };
}
