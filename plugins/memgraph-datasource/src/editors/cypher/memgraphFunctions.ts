/** A built-in Memgraph function, for completion and highlighting. */
export interface MemgraphFunction {
  name: string;
  signature: string;
  description: string;
  aggregating?: boolean;
}

const fn = (name: string, signature: string, description: string, aggregating = false): MemgraphFunction => ({
  name,
  signature,
  description,
  aggregating,
});

/**
 * Memgraph's built-in functions, from its documentation (https://memgraph.com/docs/querying/functions,
 * memgraph/documentation `pages/querying/functions.mdx`). Query-module functions (MAGE, custom) are read from the
 * server with `CALL mg.functions()` and added to completion at run time.
 */
export const MEMGRAPH_FUNCTIONS: readonly MemgraphFunction[] = [
  // temporal
  fn('duration', 'duration(value: string|Duration) -> Duration', 'A period of time.'),
  fn('date', 'date(value: string|Date|LocalDateTime|ZonedDateTime) -> Date', 'A date (year, month, day).'),
  fn('localTime', 'localTime(value: string|LocalTime|LocalDateTime|ZonedDateTime) -> LocalTime', 'A time of day without zone.'),
  fn('localDateTime', 'localDateTime(value: string|LocalDateTime|ZonedDateTime) -> LocalDateTime', 'A date and local time.'),
  fn('datetime', 'datetime(value: string|map|ZonedDateTime) -> ZonedDateTime', 'A date-time with a time zone (Memgraph ≥ 2.17).'),
  // scalar
  fn('assert', 'assert(expression: boolean, message: string = null)', 'Raises an exception unless the argument is true.'),
  fn('coalesce', 'coalesce(expression, ...) -> any', 'The first non-null value.'),
  fn('counter', 'counter(name: string, initial: integer, increment: integer = 1) -> integer', 'Integers unique within the query for a counter name.'),
  fn('degree', 'degree(node: Node) -> integer', 'Number of relationships of a node.'),
  fn('inDegree', 'inDegree(node: Node) -> integer', 'Number of incoming relationships of a node.'),
  fn('outDegree', 'outDegree(node: Node) -> integer', 'Number of outgoing relationships of a node.'),
  fn('endNode', 'endNode(relationship: Relationship) -> Node', 'The end node of a relationship.'),
  fn('getHopsCounter', 'getHopsCounter() -> integer', 'Hops traversed so far in the query.'),
  fn('head', 'head(list: List) -> any', 'The first element of a list.'),
  fn('id', 'id(value: Node|Relationship) -> integer', 'The internal id of a node or relationship.'),
  fn('elementId', 'elementId(value: Node|Relationship) -> string', 'The id of a node or relationship as a string.'),
  fn('last', 'last(list: List) -> any', 'The last element of a list.'),
  fn('length', 'length(value: List|string|Map|Path) -> integer', 'Number of elements, characters or relationships.'),
  fn('properties', 'properties(value: Node|Relationship) -> Map', 'The property map.'),
  fn('propertySize', 'propertySize(entity: Node|Relationship, property: string) -> integer', 'Bytes a property takes in memory.'),
  fn('randomUUID', 'randomUUID() -> string', 'A random UUID.'),
  fn('size', 'size(value: List|string|Map|Path) -> integer', 'Number of elements, characters or relationships.'),
  fn('startNode', 'startNode(relationship: Relationship) -> Node', 'The start node of a relationship.'),
  fn('toBoolean', 'toBoolean(value: boolean|integer|string) -> boolean', 'Converts to a boolean.'),
  fn('toFloat', 'toFloat(value: number|string) -> float', 'Converts to a float.'),
  fn('toInteger', 'toInteger(value: boolean|number|string) -> integer', 'Converts to an integer.'),
  fn('toBooleanOrNull', 'toBooleanOrNull(value: any) -> boolean', 'Like toBoolean, null instead of an error.'),
  fn('toFloatOrNull', 'toFloatOrNull(value: any) -> float', 'Like toFloat, null instead of an error.'),
  fn('toIntegerOrNull', 'toIntegerOrNull(value: any) -> integer', 'Like toInteger, null instead of an error.'),
  fn('toString', 'toString(value: any) -> string', 'Converts to a string.'),
  fn('toStringOrNull', 'toStringOrNull(value: any) -> string', 'Like toString, null instead of an error.'),
  fn('type', 'type(relationship: Relationship) -> string', 'The type of a relationship.'),
  fn('timestamp', 'timestamp() -> integer', 'Microseconds since the epoch (with a temporal argument: that value in µs).'),
  fn('valueType', 'valueType(value: any) -> string', 'The type of a value, as text (e.g. "LOCAL_DATE_TIME").'),
  fn('username', 'username() -> string', 'The current user.'),
  fn('roles', 'roles(db_name?: string) -> List[string]', "The current user's roles."),
  fn('exists', 'exists(pattern) -> boolean', 'Whether a pattern (or property) exists.'),
  // lists
  fn('all', 'all(variable IN list WHERE predicate)', 'Whether every element satisfies the predicate.'),
  fn('any', 'any(variable IN list WHERE predicate)', 'Whether some element satisfies the predicate.'),
  fn('none', 'none(variable IN list WHERE predicate)', 'Whether no element satisfies the predicate.'),
  fn('single', 'single(variable IN list WHERE predicate)', 'Whether exactly one element satisfies the predicate.'),
  fn('extract', 'extract(variable IN list | expression)', 'The expression evaluated for each element.'),
  fn('reduce', 'reduce(acc = initial, variable IN list | expression)', 'Accumulates a list into one value.'),
  fn('labels', 'labels(node: Node) -> List[string]', 'The labels of a node.'),
  fn('nodes', 'nodes(path: Path) -> List[Node]', 'The nodes of a path.'),
  fn('relationships', 'relationships(path: Path) -> List[Relationship]', 'The relationships of a path.'),
  fn('range', 'range(start: integer, end: integer, step: integer = 1) -> List[integer]', 'A list of integers.'),
  fn('tail', 'tail(list: List) -> List', 'All elements but the first.'),
  fn('toBooleanList', 'toBooleanList(list: List) -> List[boolean]', 'Each element as a boolean (null if not convertible).'),
  fn('toFloatList', 'toFloatList(list: List) -> List[float]', 'Each element as a float (null if not convertible).'),
  fn('toIntegerList', 'toIntegerList(list: List) -> List[integer]', 'Each element as an integer (null if not convertible).'),
  fn('toStringList', 'toStringList(list: List) -> List[string]', 'Each element as a string (null if not convertible).'),
  fn('toSet', 'toSet(list: List) -> List', 'The distinct elements of a list.'),
  fn('uniformSample', 'uniformSample(list: List, size: integer) -> List', 'A random sample of the given size.'),
  // maps
  fn('keys', 'keys(value: Map|Node|Relationship) -> List', 'The keys (property keys) of a map, node or relationship.'),
  fn('values', 'values(value: Map|Node|Relationship) -> List', 'The values of a map, node or relationship.'),
  fn('ToEnum', 'ToEnum(value: string) -> Enum', 'The enum value for "Name::Value".'),
  // spatial
  fn('point', 'point(parameters: Map) -> Point', 'A point from {x, y[, z], srid} or {longitude, latitude}.'),
  fn('point.distance', 'point.distance(a: Point, b: Point) -> float', 'The distance between two points.'),
  fn('point.withinbbox', 'point.withinbbox(point: Point, lowerLeft: Point, upperRight: Point) -> boolean', 'Whether a point lies in a box.'),
  // math
  fn('abs', 'abs(number) -> number', 'Absolute value.'),
  fn('acos', 'acos(number) -> float', 'Arccosine, in radians.'),
  fn('asin', 'asin(number) -> float', 'Arcsine, in radians.'),
  fn('atan', 'atan(number) -> float', 'Arctangent, in radians.'),
  fn('atan2', 'atan2(y: number, x: number) -> float', 'Arctangent of y/x, in radians.'),
  fn('ceil', 'ceil(number: float) -> integer', 'Smallest integer not below the number.'),
  fn('cos', 'cos(number) -> float', 'Cosine of an angle in radians.'),
  fn('e', 'e() -> float', 'The base of the natural logarithm.'),
  fn('exp', 'exp(number) -> float', 'e to the power of the number.'),
  fn('floor', 'floor(number: float) -> integer', 'Largest integer not above the number.'),
  fn('log', 'log(number) -> float', 'Natural logarithm.'),
  fn('log10', 'log10(number) -> float', 'Base-10 logarithm.'),
  fn('pi', 'pi() -> float', 'The constant pi.'),
  fn('rand', 'rand() -> float', 'A random number in [0, 1).'),
  fn('round', 'round(number: float) -> integer', 'Rounded to the nearest integer (half away from zero).'),
  fn('sign', 'sign(number) -> integer', '1, 0 or -1.'),
  fn('sin', 'sin(number) -> float', 'Sine of an angle in radians.'),
  fn('sqrt', 'sqrt(number) -> float', 'Square root.'),
  fn('tan', 'tan(number) -> float', 'Tangent of an angle in radians.'),
  // aggregation
  fn('avg', 'avg(value: number) -> float', 'Average of the values.', true),
  fn('collect', 'collect(value) -> List', 'The values as a list (or collect(key, value) as a map).', true),
  fn('count', 'count(value) -> integer', 'Number of non-null values (count(*): rows).', true),
  fn('max', 'max(value) -> any', 'Largest value (numbers and temporal values).', true),
  fn('min', 'min(value) -> any', 'Smallest value (numbers and temporal values).', true),
  fn('sum', 'sum(value: number) -> number', 'Sum of the values.', true),
  fn('project', 'project(path) -> Map', 'A projected graph {nodes, edges} from aggregated paths.', true),
  // strings
  fn('contains', 'contains(string, substring) -> boolean', 'Whether the string contains the substring.'),
  fn('endsWith', 'endsWith(string, substring) -> boolean', 'Whether the string ends with the substring.'),
  fn('left', 'left(string, count: integer) -> string', 'The leftmost characters.'),
  fn('lTrim', 'lTrim(string) -> string', 'Without leading whitespace.'),
  fn('replace', 'replace(string, search, replacement) -> string', 'Every occurrence replaced.'),
  fn('reverse', 'reverse(string) -> string', 'The characters in reverse order.'),
  fn('right', 'right(string, count: integer) -> string', 'The rightmost characters.'),
  fn('rTrim', 'rTrim(string) -> string', 'Without trailing whitespace.'),
  fn('split', 'split(string, delimiter) -> List[string]', 'The parts between delimiters.'),
  fn('startsWith', 'startsWith(string, substring) -> boolean', 'Whether the string starts with the substring.'),
  fn('substring', 'substring(string, start: integer, length: integer = null) -> string', 'Part of the string (0-based start).'),
  fn('toLower', 'toLower(string) -> string', 'Lower case.'),
  fn('toUpper', 'toUpper(string) -> string', 'Upper case.'),
  fn('trim', 'trim(string) -> string', 'Without leading and trailing whitespace.'),
  fn('convert.str2object', 'convert.str2object(string) -> any', 'Parses the text of a value (e.g. JSON).'),
];

/** Where the locale files hold the functions' descriptions: `functions.<name>`, dots as dashes (i18next's key separator). */
export const FUNCTION_TEXT_PREFIX = 'functions.';
const functionCode = (name: string) => name.replace(/\./g, '-');
export const functionTextKey = (name: string) => `${FUNCTION_TEXT_PREFIX}${functionCode(name)}`;

/**
 * Every description by its code: the English the datasource's extraction adds to its locale files
 * (i18next.config.ts), so that completion shows it in the viewer's language (completion.ts).
 */
export const FUNCTION_DESCRIPTIONS: Readonly<Record<string, string>> = Object.fromEntries(
  MEMGRAPH_FUNCTIONS.map((f) => [functionCode(f.name), f.description])
);
