// Grafana's built-in variable formats (`${x:csv}`, `[[x:pipe]]` …) that a fake dashboard may meet, with the
// semantics of @grafana/scenes' formatRegistry; an unknown format falls back to glob, as Grafana does.

/** A variable's raw value: one value, or a list for multi-value and "All". */
export type RawValue = string | string[];

type Formatter = (value: RawValue) => string;

const asList = (value: RawValue): string[] => (Array.isArray(value) ? value : [value]);
const quoted = (quote: string) => (value: RawValue) =>
  asList(value)
    .map((item) => `${quote}${item.replaceAll(quote, `\\${quote}`)}${quote}`)
    .join(',');

/** Grafana's default: several values as `{a,b}`, a single one as it is. */
export const glob: Formatter = (value) =>
  Array.isArray(value) && value.length > 1 ? `{${value.join(',')}}` : String(value);

const FORMATS: Record<string, Formatter> = {
  glob,
  csv: (value) => asList(value).join(','),
  pipe: (value) => asList(value).join('|'),
  raw: (value) => String(value),
  json: (value) => (typeof value === 'string' ? value : JSON.stringify(value)),
  // The fake's option labels are their values, so the text of a selection is its values.
  text: (value) => asList(value).join(' + '),
  singlequote: quoted("'"),
  doublequote: quoted('"'),
};

export function formatValue(value: RawValue, format: string | undefined): string {
  return (FORMATS[format ?? 'glob'] ?? glob)(value);
}
