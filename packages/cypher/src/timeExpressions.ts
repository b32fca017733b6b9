/**
 * The Cypher that the time macros emit. Every function used exists in Memgraph (≥ 2.17, which added zoned
 * DateTime and `datetime()`); the sources:
 * - `valueType`, `timestamp`, `toInteger`, `date`, `localDateTime`, `datetime`:
 *   https://memgraph.com/docs/querying/functions (`timestamp(x)` returns MICROseconds for Date, LocalDateTime and
 *   ZonedDateTime, hence `/ 1000`; it throws on numbers, strings and null, hence the `CASE valueType(…)` guard).
 * - `CASE`: https://memgraph.com/docs/querying/clauses/case (only the chosen branch is evaluated).
 * - `=~` regular expressions: https://memgraph.com/docs/querying/clauses/where#3-regular-expressions (ECMAScript
 *   grammar, full match; parenthesised because it binds looser than arithmetic since Memgraph 3.11).
 * - Temporal string formats (`T` separator, 3 or 6 fractional digits, `Z` / `±hh:mm` / `[Zone/Id]`):
 *   https://memgraph.com/docs/fundamentals/data-types
 * - Integer `/` truncates: https://memgraph.com/docs/querying/expressions (arithmetic on integers).
 *
 * Comparisons between different types throw in Memgraph before v3.8, so everything is normalised to an INTEGER of
 * epoch milliseconds before it meets `$__from` / `$__to` (which the datasource sends as integers).
 */

/** Parameter names the datasource always binds (epoch milliseconds, as integers). */
export const TIME_PARAMETERS = {
  from: '__from',
  to: '__to',
  intervalMs: '__interval_ms',
} as const;

// Regular expressions written without backslashes where possible: Cypher string escapes would need doubling.
const DATE = '[0-9]{4}-[0-9]{2}-[0-9]{2}';
const LOCAL_DATE_TIME = `${DATE}T[0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]{3}([0-9]{3})?)?)?`;
// `\\[` in the Cypher literal is the regex `\[`.
const ZONE_ID = '\\\\[[A-Za-z][A-Za-z0-9_+/-]*\\\\]';
const ZONED_DATE_TIME = `${LOCAL_DATE_TIME}((Z|[+-][0-9]{2}(:?[0-9]{2})?)(${ZONE_ID})?|${ZONE_ID})`;

/** The Cypher regexes (as they appear inside the emitted single-quoted literals), exported for tests and docs. */
export const TIME_STRING_PATTERNS = { zoned: ZONED_DATE_TIME, local: LOCAL_DATE_TIME, date: DATE } as const;

/**
 * `expression` (already parenthesised) → epoch milliseconds as an INTEGER, or null when it is null or a string in
 * no recognised ISO shape:
 * - INTEGER → as is (epoch ms); FLOAT → truncated;
 * - LocalDateTime → its instant in Memgraph's instance time zone (`--timezone`), ZonedDateTime → its instant,
 *   Date → midnight UTC (what `timestamp()` returns for a Date);
 * - ISO strings with an offset / zone id → `datetime()`, without one → `localDateTime()` (instance time zone),
 *   date-only → `date()`.
 */
export function epochMsOf(expression: string): string {
  const x = expression;
  return (
    `(CASE valueType(${x})` +
    ` WHEN 'INTEGER' THEN ${x}` +
    ` WHEN 'FLOAT' THEN toInteger(${x})` +
    ` WHEN 'LOCAL_DATE_TIME' THEN timestamp(${x}) / 1000` +
    ` WHEN 'ZONED_DATE_TIME' THEN timestamp(${x}) / 1000` +
    ` WHEN 'DATE' THEN timestamp(${x}) / 1000` +
    ` WHEN 'STRING' THEN CASE` +
    ` WHEN (${x} =~ '${ZONED_DATE_TIME}') THEN timestamp(datetime(${x})) / 1000` +
    ` WHEN (${x} =~ '${LOCAL_DATE_TIME}') THEN timestamp(localDateTime(${x})) / 1000` +
    ` WHEN (${x} =~ '${DATE}') THEN timestamp(date(${x})) / 1000` +
    ' END END)'
  );
}

/** True when `expression` lies inside the dashboard's time range (inclusive, like Grafana's SQL `$__timeFilter`). */
export function timeFilterOf(expression: string): string {
  const epochMs = epochMsOf(expression);
  return `(${epochMs} >= $${TIME_PARAMETERS.from} AND ${epochMs} <= $${TIME_PARAMETERS.to})`;
}

/** Start of the bucket of `intervalMs` (an integer literal or `$__interval_ms`) that `expression` falls in. */
export function timeGroupOf(expression: string, intervalMs: string): string {
  return `(${epochMsOf(expression)} / ${intervalMs} * ${intervalMs})`;
}
