import type { DataFrame, Field, MetricFindValue } from '@grafana/data';

/** Column names that carry a variable option's display text and value, as in Grafana's SQL datasources. */
export const TEXT_COLUMN = '__text';
export const VALUE_COLUMN = '__value';
/** Grafana's generic convention for variable queries (any letter case); the `__` names win when both appear. */
export const PLAIN_TEXT_COLUMN = 'text';
export const PLAIN_VALUE_COLUMN = 'value';

function asText(value: unknown): string | undefined {
  if (value === null || value === undefined) {
    return undefined;
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * A variable query's table frame → Grafana variable options. With text and/or value columns (`__text` / `__value`,
 * or `text` / `value`) each row gives that text and value (one of them stands in for the other when missing);
 * otherwise the first column gives both. Rows without a value are skipped, and a value that repeats keeps its first
 * text.
 */
export function metricFindValues(frame: DataFrame | undefined): MetricFindValue[] {
  if (!frame || frame.fields.length === 0) {
    return [];
  }
  const named = (dunder: string, plain: string): Field | undefined =>
    frame.fields.find((field) => field.name === dunder) ??
    frame.fields.find((field) => field.name.toLowerCase() === plain);
  const textField = named(TEXT_COLUMN, PLAIN_TEXT_COLUMN);
  const valueField = named(VALUE_COLUMN, PLAIN_VALUE_COLUMN);
  const texts = (textField ?? valueField ?? frame.fields[0]).values;
  const values = (valueField ?? textField ?? frame.fields[0]).values;

  const options: MetricFindValue[] = [];
  const seen = new Set<string>();
  for (let row = 0; row < values.length; row++) {
    const value = asText(values[row]);
    if (value === undefined || seen.has(value)) {
      continue;
    }
    seen.add(value);
    options.push({ text: asText(texts[row]) ?? value, value });
  }
  return options;
}
