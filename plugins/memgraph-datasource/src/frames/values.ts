import neo4j, { type Integer, type Node, type Path, type Relationship } from 'neo4j-driver';

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

/** neo4j-driver's own type guards, in the order they are tried. */
const DRIVER_KINDS: Array<[(value: object) => boolean, ValueKind]> = [
  [neo4j.isInt, 'integer'],
  [neo4j.isNode, 'node'],
  [(v) => neo4j.isRelationship(v) || neo4j.isUnboundRelationship(v), 'relationship'],
  [neo4j.isPath, 'path'],
  [neo4j.isDate, 'date'],
  [neo4j.isLocalDateTime, 'localDateTime'],
  [neo4j.isDateTime, 'dateTime'],
  [neo4j.isLocalTime, 'localTime'],
  [neo4j.isTime, 'time'],
  [neo4j.isDuration, 'duration'],
  [neo4j.isPoint, 'point'],
];

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
  const driverKind = DRIVER_KINDS.find(([is]) => is(value));
  if (driverKind) {
    return driverKind[1];
  }
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return 'bytes'; // neo4j-driver decodes Bolt bytes as an Int8Array
  }
  return Array.isArray(value) ? 'list' : 'map';
}

const MAX_SAFE = neo4j.int(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = neo4j.int(Number.MIN_SAFE_INTEGER);

function asInteger(value: Integer | bigint): Integer {
  return neo4j.int(value);
}

/** Whether an integer value is exactly representable as a JS number (inside ±(2^53 − 1)). */
export function isSafeInteger(value: Integer | bigint): boolean {
  const integer = asInteger(value);
  return integer.lessThanOrEqual(MAX_SAFE) && integer.greaterThanOrEqual(MIN_SAFE);
}

export function integerText(value: Integer | bigint): string {
  return asInteger(value).toString();
}

export function integerNumber(value: Integer | bigint): number {
  return asInteger(value).toNumber();
}

/** `SRID=4326;POINT(116.4 39.9)` — the extended WKT Jolt and PostGIS use. */
export function pointText(point: { srid: Integer | number; x: number; y: number; z?: number }): string {
  const coordinates = point.z === undefined ? `${point.x} ${point.y}` : `${point.x} ${point.y} ${point.z}`;
  return `SRID=${String(point.srid)};POINT(${coordinates})`;
}

function bytesText(bytes: ArrayBufferView): string {
  const octets = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Array.from(octets, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A JSON-safe rendering of any value, for JSON fields (graph values, lists, maps) and mixed columns. Integers stay
 * exact (text beyond ±2^53), temporal values and durations become their ISO strings, points extended WKT.
 */
export function toPlain(value: unknown): unknown {
  const kind = kindOf(value);
  switch (kind) {
    case 'null':
      return null;
    case 'boolean':
    case 'string':
      return value;
    case 'float':
      return Number.isFinite(value) ? value : String(value);
    case 'integer': {
      const integer = value as Integer | bigint;
      return isSafeInteger(integer) ? integerNumber(integer) : integerText(integer);
    }
    case 'node': {
      const node = value as Node;
      return { elementId: node.elementId, labels: node.labels, properties: toPlain(node.properties) };
    }
    case 'relationship': {
      const rel = value as Relationship;
      return {
        elementId: rel.elementId,
        type: rel.type,
        ...(rel.startNodeElementId !== undefined
          ? { startElementId: rel.startNodeElementId, endElementId: rel.endNodeElementId }
          : {}),
        properties: toPlain(rel.properties),
      };
    }
    case 'path': {
      const path = value as Path;
      return {
        nodes: [path.start, ...path.segments.map((s) => s.end)].map(toPlain),
        relationships: path.segments.map((s) => toPlain(s.relationship)),
      };
    }
    case 'point':
      return pointText(value as { srid: Integer; x: number; y: number; z?: number });
    case 'bytes':
      return bytesText(value as ArrayBufferView);
    case 'list':
      return (value as unknown[]).map(toPlain);
    case 'map':
      return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, toPlain(v)]));
    default:
      return String(value); // temporal values and durations print as ISO 8601
  }
}

/** Text for a value in a text column (mixed scalar columns, local times, points, bytes). */
export function toText(value: unknown): string | null {
  const plain = toPlain(value);
  if (plain === null) {
    return null;
  }
  return typeof plain === 'object' ? JSON.stringify(plain) : String(plain);
}
