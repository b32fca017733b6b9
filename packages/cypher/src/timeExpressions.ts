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

import { cypherText, type CypherText } from './texts';

/**
 * Parameter names the datasource always binds: the range and interval in epoch milliseconds (integers), and the
 * IANA zone (or `UTC`) of its time-zone setting, in which a Date is read (not `__timezone`: that name is Grafana's
 * global variable for the dashboard's zone).
 */
export const TIME_PARAMETERS = {
  from: '__from',
  to: '__to',
  intervalMs: '__interval_ms',
  timeZone: '__datasource_timezone',
} as const;

/** What each of TIME_PARAMETERS holds, for completion and help; keyed by parameter name (without `$`). */
export const TIME_PARAMETER_DESCRIPTIONS: Readonly<Record<(typeof TIME_PARAMETERS)[keyof typeof TIME_PARAMETERS], CypherText>> = {
  [TIME_PARAMETERS.from]: cypherText('parameter.from.description'),
  [TIME_PARAMETERS.to]: cypherText('parameter.to.description'),
  [TIME_PARAMETERS.intervalMs]: cypherText('parameter.interval-ms.description'),
  [TIME_PARAMETERS.timeZone]: cypherText('parameter.time-zone.description'),
};

// Regular expressions written without backslashes where possible: Cypher string escapes would need doubling.
const DATE = '[0-9]{4}-[0-9]{2}-[0-9]{2}';
const LOCAL_DATE_TIME = `${DATE}T[0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]{3}([0-9]{3})?)?)?`;
// `\\[` in the Cypher literal is the regex `\[`.
const ZONE_ID = '\\\\[[A-Za-z][A-Za-z0-9_+/-]*\\\\]';
const ZONED_DATE_TIME = `${LOCAL_DATE_TIME}((Z|[+-][0-9]{2}(:?[0-9]{2})?)(${ZONE_ID})?|${ZONE_ID})`;

/** The Cypher regexes (as they appear inside the emitted single-quoted literals), exported for tests and docs. */
export const TIME_STRING_PATTERNS = { zoned: ZONED_DATE_TIME, local: LOCAL_DATE_TIME, date: DATE } as const;

/**
 * A Date expression → epoch ms of its midnight in the datasource's time zone (`$__datasource_timezone`), which is
 * where the datasource shows a Date too. Memgraph's `timestamp(date)` would give midnight UTC instead: 8 hours off
 * the table in Asia/Shanghai. `datetime({…, timezone})` takes an IANA name (Memgraph ≥ 2.17, as `datetime()`).
 */
function dateMidnightMs(date: string): string {
  return (
    `timestamp(datetime({year: ${date}.year, month: ${date}.month, day: ${date}.day, ` +
    `timezone: $${TIME_PARAMETERS.timeZone}})) / 1000`
  );
}

/**
 * `expression` (already parenthesised) → epoch milliseconds as an INTEGER, or null when it is null or a string in
 * no recognised ISO shape:
 * - INTEGER → as is (epoch ms); FLOAT → truncated;
 * - LocalDateTime → its instant in Memgraph's instance time zone (`--timezone`), ZonedDateTime → its instant,
 *   Date → midnight in the datasource's time zone (as the datasource shows Dates);
 * - ISO strings with an offset / zone id → `datetime()`, without one → `localDateTime()` (instance time zone),
 *   date-only → `date()`, midnight as for a Date.
 */
export function epochMsOf(expression: string): string {
  const x = expression;
  return (
    `(CASE valueType(${x})` +
    ` WHEN 'INTEGER' THEN ${x}` +
    ` WHEN 'FLOAT' THEN toInteger(${x})` +
    ` WHEN 'LOCAL_DATE_TIME' THEN timestamp(${x}) / 1000` +
    ` WHEN 'ZONED_DATE_TIME' THEN timestamp(${x}) / 1000` +
    ` WHEN 'DATE' THEN ${dateMidnightMs(x)}` +
    ` WHEN 'STRING' THEN CASE` +
    ` WHEN (${x} =~ '${ZONED_DATE_TIME}') THEN timestamp(datetime(${x})) / 1000` +
    ` WHEN (${x} =~ '${LOCAL_DATE_TIME}') THEN timestamp(localDateTime(${x})) / 1000` +
    ` WHEN (${x} =~ '${DATE}') THEN ${dateMidnightMs(`date(${x})`)}` +
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
