import {
  createDataFrame,
  type DataFrame,
  DataFrameType,
  type Field,
  FieldType,
  type Labels,
  outerJoinDataFrames,
  sortDataFrame,
} from '@grafana/data';
import { t } from '@grafana/i18n';

import { PLAIN_TEXT } from '@opentruss/contract';
import { MemgraphError } from '../model/memgraphError';

/** The time field: one named `time` if there is one, else the first time field. */
function findTimeField(frame: DataFrame): Field | undefined {
  const times = frame.fields.filter((f) => f.type === FieldType.time);
  return times.find((f) => f.name.toLowerCase() === 'time') ?? times[0];
}

/** `{{status}} lots` → `APPROVED lots`; unknown names become empty, like Prometheus legends. */
export function applyLegend(legend: string, labels: Labels): string {
  return legend.replace(/\{\{\s*([^}\s]+)\s*\}\}/g, (_, name: string) => labels[name] ?? '');
}

/**
 * A long result (time, labels…, values…) → one wide time series frame, sorted by time: number columns are the
 * values, string (and boolean) columns become labels, one series per distinct label set. The per-series frames are
 * joined on time by Grafana's own outer join, so series with different timestamps line up with nulls between.
 */
export function timeSeriesFrame(table: DataFrame, legend?: string): { frame: DataFrame; notices: string[] } {
  const time = findTimeField(table);
  if (!time) {
    throw new MemgraphError(
      'query',
      t(
        'frames.time-series.no-time',
        'The time series format needs a time column: return one named time, e.g. ' +
          '$__timeGroup(n.created_at, $__interval) AS time (Date, LocalDateTime, DateTime, ISO strings or epoch ms).'
      )
    );
  }
  const values = table.fields.filter((f) => f !== time && f.type === FieldType.number);
  if (values.length === 0) {
    throw new MemgraphError(
      'query',
      t('frames.time-series.no-values', 'The time series format needs at least one numeric column besides the time.')
    );
  }
  const labelFields = table.fields.filter((f) => f.type === FieldType.string || f.type === FieldType.boolean);
  const ignored = table.fields.filter((f) => f !== time && !values.includes(f) && !labelFields.includes(f));
  const notices: string[] = ignored.length
    ? [
        t(
          'frames.time-series.ignored-columns',
          'Columns {{columns}} are neither numbers nor labels; the time series leaves them out.',
          { columns: ignored.map((f) => `"${f.name}"`).join(', '), ...PLAIN_TEXT }
        ),
      ]
    : [];

  const labelAt = (field: Field, row: number): string | undefined => {
    const value = field.values[row];
    return value === null || value === undefined ? undefined : String(value);
  };
  const series = new Map<string, { labels: Labels; rows: number[] }>();
  let timeless = 0;
  for (let row = 0; row < table.length; row++) {
    if (time.values[row] === null || time.values[row] === undefined) {
      timeless++;
      continue;
    }
    // The key lists the label values in field order (null for none); the labels object is built once per series.
    const key = JSON.stringify(labelFields.map((field) => labelAt(field, row) ?? null));
    let entry = series.get(key);
    if (!entry) {
      const labels: Labels = {};
      for (const field of labelFields) {
        const value = labelAt(field, row);
        if (value !== undefined) {
          labels[field.name] = value;
        }
      }
      entry = { labels, rows: [] };
      series.set(key, entry);
    }
    entry.rows.push(row);
  }

  if (timeless) {
    notices.push(
      t('frames.time-series.timeless-rows', '', {
        ...PLAIN_TEXT,
        count: timeless,
        defaultValue_one: '{{count}} row had no time (null, or not a recognisable time) and was left out.',
        defaultValue_other: '{{count}} rows had no time (null, or not a recognisable time) and were left out.',
      })
    );
  }

  const frames = [...series.values()].map(({ labels, rows }) => {
    const frame = createDataFrame({
      fields: [
        { name: time.name, type: FieldType.time, values: rows.map((r) => time.values[r]), config: {} },
        ...values.map((field) => ({
          name: field.name,
          type: FieldType.number,
          values: rows.map((r) => field.values[r]),
          labels: Object.keys(labels).length ? labels : undefined,
          config: {
            ...field.config,
            ...(legend ? { displayNameFromDS: applyLegend(legend, labels) } : {}),
          },
        })),
      ],
    });
    return sortDataFrame(frame, 0);
  });

  const frame =
    frames.length === 0
      ? createDataFrame({
          fields: [{ name: time.name, type: FieldType.time, values: [] }, ...values.map((f) => ({ ...f, values: [] }))],
        })
      : frames.length === 1
        ? frames[0]
        : (outerJoinDataFrames({ frames, keepDisplayNames: true }) ?? frames[0]);
  return { frame: { ...frame, meta: { ...frame.meta, type: DataFrameType.TimeSeriesWide } }, notices };
}
