import neo4j, { type Integer } from 'neo4j-driver';

/** What a value from a record is, as far as turning it into a field goes. */
export type ValueKind =
  | 'null'
  | 'boolean'
  | 'integer'
  | 'float'
  | 'string'
  | 'date'
  | 'localDateTime'
  | 'dateTime'
  | 'localTime'
  | 'time'
  | 'duration'
  | 'point'
  | 'node'
  | 'relationship'
  | 'path'
  | 'list'
  | 'map'
  | 'bytes'
  | 'other';

export const GRAPH_KINDS: ReadonlySet<ValueKind> = new Set(['node', 'relationship', 'path']);
export const INSTANT_KINDS: ReadonlySet<ValueKind> = new Set(['date', 'localDateTime', 'dateTime']);

interface DriverType {
  kind: ValueKind;
  /** The driver's class for it. */
  type: unknown;
  /** The driver's type guard: it tests a marker property, so it also knows values from another copy of the driver. */
  is: (value: object) => boolean;
}

/** The driver's value types, in the order their guards are tried. */
const DRIVER_TYPES: DriverType[] = [
  { kind: 'integer', type: neo4j.types.Integer, is: neo4j.isInt },
  { kind: 'node', type: neo4j.types.Node, is: neo4j.isNode },
  { kind: 'relationship', type: neo4j.types.Relationship, is: neo4j.isRelationship },
  { kind: 'relationship', type: neo4j.types.UnboundRelationship, is: neo4j.isUnboundRelationship },
  { kind: 'path', type: neo4j.types.Path, is: neo4j.isPath },
  { kind: 'date', type: neo4j.types.Date, is: neo4j.isDate },
  { kind: 'localDateTime', type: neo4j.types.LocalDateTime, is: neo4j.isLocalDateTime },
  { kind: 'dateTime', type: neo4j.types.DateTime, is: neo4j.isDateTime },
  { kind: 'localTime', type: neo4j.types.LocalTime, is: neo4j.isLocalTime },
  { kind: 'time', type: neo4j.types.Time, is: neo4j.isTime },
  { kind: 'duration', type: neo4j.types.Duration, is: neo4j.isDuration },
  { kind: 'point', type: neo4j.types.Point, is: neo4j.isPoint },
];

/**
 * Nearly every value from a record is an instance of one of the driver's classes, so one lookup by constructor
 * answers most calls of `kindOf`, which runs once per value of a result (and for nested values).
 */
const KIND_BY_CLASS: ReadonlyMap<unknown, ValueKind> = new Map(DRIVER_TYPES.map(({ type, kind }) => [type, kind]));

const PRIMITIVE_KINDS: Partial<Record<string, ValueKind>> = {
  boolean: 'boolean',
  number: 'float', // the driver decodes Bolt integers as Integer, so a JS number is a Bolt float
  bigint: 'integer',
  string: 'string',
};

export function kindOf(value: unknown): ValueKind {
  if (value === null || value === undefined) {
    return 'null';
  }
  const primitive = PRIMITIVE_KINDS[typeof value];
  if (primitive) {
    return primitive;
  }
  if (typeof value !== 'object') {
    return 'other';
  }
  const byClass = KIND_BY_CLASS.get(value.constructor);
  if (byClass) {
    return byClass;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === null) {
    return 'map'; // a plain object is a Bolt map (even one whose keys look like the driver's markers)
  }
  if (Array.isArray(value)) {
    return 'list';
  }
  const driverType = DRIVER_TYPES.find(({ is }) => is(value));
  if (driverType) {
    return driverType.kind;
  }
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return 'bytes'; // neo4j-driver decodes Bolt bytes as an Int8Array
  }
  return Array.isArray(value) ? 'list' : 'map';
}

/** Whether an integer value is exactly representable as a JS number (inside ±(2^53 − 1)). */
export function isSafeInteger(value: Integer | bigint): boolean {
  // toNumber() is exact inside the safe range and rounds anything outside it to a value outside it (2^53 itself is
  // a double), so this is exact without Integer's slower 64-bit comparisons.
  return Number.isSafeInteger(neo4j.int(value).toNumber());
}

/** Whether a value holds a node, relationship or path, at the top or inside lists and maps (where a node graph looks for them). */
export function containsGraph(value: unknown): boolean {
  switch (kindOf(value)) {
    case 'node':
    case 'relationship':
    case 'path':
      return true;
    case 'list':
      return (value as unknown[]).some(containsGraph);
    case 'map':
      return Object.values(value as object).some(containsGraph);
    default:
      return false;
  }
}
