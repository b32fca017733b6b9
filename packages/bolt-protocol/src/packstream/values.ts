// neo4j-driver values → PackStream (the decoding is hydrate.ts), with the structure shapes of the negotiated Bolt
// version: Bolt 5 adds element ids to graph structures and sends date-times as UTC (0x49/0x69); Bolt 4 sends them as
// local time (0x46/0x66), like Memgraph does (it never negotiates the `utc` patch). The values are the driver's value
// classes, from neo4j-driver-core: the very classes neo4j-driver exports, without its connections.
// A little over 300 lines on purpose: one value type's encoding reads best next to the others (the same checks of
// whole-number fields, the same dialect switch).
import {
  DateTime,
  Node,
  Path,
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isPoint,
  isRelationship,
  isTime,
  isUnboundRelationship,
} from 'neo4j-driver-core';
import { Structure } from './reader';
import {
  epochDayFromDate,
  epochSecondFromLocal,
  nanoOfDay,
  toBigInt,
  zoneOffsetForLocal,
} from './temporal-math';
import type { PackStreamWriter } from './writer';

/** What differs between the Bolt versions the server speaks. */
export interface Dialect {
  /** Bolt 5: element ids in Node/Relationship/UnboundRelationship; UTC date-times. */
  bolt5: boolean;
}

export const BOLT5: Dialect = { bolt5: true };
export const BOLT4: Dialect = { bolt5: false };

export const tags = {
  NODE: 0x4e,
  RELATIONSHIP: 0x52,
  UNBOUND_RELATIONSHIP: 0x72,
  PATH: 0x50,
  DATE: 0x44,
  TIME: 0x54,
  LOCAL_TIME: 0x74,
  LOCAL_DATE_TIME: 0x64,
  DATE_TIME_OFFSET: 0x49,
  DATE_TIME_ZONE_ID: 0x69,
  LEGACY_DATE_TIME_OFFSET: 0x46,
  LEGACY_DATE_TIME_ZONE_ID: 0x66,
  DURATION: 0x45,
  POINT_2D: 0x58,
  POINT_3D: 0x59,
} as const;

export class ValueEncodingError extends Error {}

const temporalChecks = [isDate, isDateTime, isDuration, isLocalDateTime, isLocalTime, isTime];

/** Date, Time, LocalTime, LocalDateTime, DateTime or Duration (of any neo4j-driver copy). */
export function isTemporal(value: unknown): boolean {
  return temporalChecks.some((is) => is(value));
}

/** A structure already built, inside a value tree (the unbound relationships of a path). */
class PrebuiltStructure {
  constructor(readonly structure: Structure) {}
}

// ---------------------------------------------------------------------------------------------- encoding

export function packValue(writer: PackStreamWriter, value: unknown, dialect: Dialect): void {
  switch (typeof value) {
    case 'string':
      writer.writeString(value);
      return;
    case 'number':
      writer.writeFloat(value);
      return;
    case 'boolean':
      writer.writeBoolean(value);
      return;
    case 'bigint':
      writer.writeBigInt(value);
      return;
    case 'undefined':
      writer.writeNull();
      return;
    case 'object':
      if (value === null) {
        writer.writeNull();
      } else {
        packObject(writer, value, dialect);
      }
      return;
    default:
      throw new ValueEncodingError(`a ${typeof value} cannot be sent over Bolt`);
  }
}

function packObject(writer: PackStreamWriter, value: object, dialect: Dialect): void {
  if (isInt(value)) {
    writer.writeIntegerHalves(value.high, value.low);
  } else if (Array.isArray(value)) {
    writer.writeListHeader(value.length);
    for (const item of value) {
      packValue(writer, item, dialect);
    }
  } else if (value instanceof Int8Array || value instanceof Uint8Array) {
    writer.writeBytes(value);
  } else if (isPlainObject(value)) {
    packMap(writer, value as Record<string, unknown>, dialect);
  } else if (value instanceof PrebuiltStructure) {
    packFields(writer, value.structure.tag, value.structure.fields, dialect);
  } else {
    packStructure(writer, value, dialect);
  }
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function packMap(writer: PackStreamWriter, map: Record<string, unknown>, dialect: Dialect): void {
  const keys = Object.keys(map);
  writer.writeMapHeader(keys.length);
  for (const key of keys) {
    writer.writeString(key);
    packValue(writer, map[key], dialect);
  }
}

function packFields(writer: PackStreamWriter, tag: number, fields: unknown[], dialect: Dialect): void {
  writer.writeStructHeader(fields.length, tag);
  for (const field of fields) {
    packValue(writer, field, dialect);
  }
}

function packStructure(writer: PackStreamWriter, value: object, dialect: Dialect): void {
  const structure = toStructure(value, dialect);
  packFields(writer, structure.tag, structure.fields, dialect);
}

/** Driver value → Bolt structure (tag + fields) for the dialect. */
function toStructure(value: object, dialect: Dialect): Structure {
  if (isNode(value)) {
    return nodeStructure(value, dialect);
  }
  if (isRelationship(value)) {
    const fields = [value.identity, value.start, value.end, value.type, value.properties];
    if (dialect.bolt5) {
      fields.push(value.elementId, value.startNodeElementId, value.endNodeElementId);
    }
    return new Structure(tags.RELATIONSHIP, fields);
  }
  if (isUnboundRelationship(value)) {
    return unboundStructure(value.identity, value.type, value.properties, value.elementId, dialect);
  }
  if (isPath(value)) {
    return pathStructure(value, dialect);
  }
  if (isPoint(value)) {
    const srid = wholeField('Point', 'srid', value.srid);
    return value.z === undefined
      ? new Structure(tags.POINT_2D, [srid, Number(value.x), Number(value.y)])
      : new Structure(tags.POINT_3D, [srid, Number(value.x), Number(value.y), Number(value.z)]);
  }
  if (isDuration(value)) {
    const field = (name: 'months' | 'days' | 'seconds' | 'nanoseconds') => wholeField('Duration', name, value[name]);
    return new Structure(tags.DURATION, [field('months'), field('days'), field('seconds'), field('nanoseconds')]);
  }
  if (isLocalTime(value)) {
    return new Structure(tags.LOCAL_TIME, [timeNanos('LocalTime', value)]);
  }
  if (isTime(value)) {
    const offset = wholeField('Time', 'timeZoneOffsetSeconds', value.timeZoneOffsetSeconds);
    return new Structure(tags.TIME, [timeNanos('Time', value), offset]);
  }
  if (isDate(value)) {
    const field = (name: 'year' | 'month' | 'day') => wholeField('Date', name, value[name]);
    return new Structure(tags.DATE, [epochDayFromDate(field('year'), field('month'), field('day'))]);
  }
  if (isDateTime(value)) {
    return dateTimeStructure(value, dialect);
  }
  if (isLocalDateTime(value)) {
    const nanosecond = wholeField('LocalDateTime', 'nanosecond', value.nanosecond);
    return new Structure(tags.LOCAL_DATE_TIME, [epochSecondFromLocal(civil('LocalDateTime', value)), nanosecond]);
  }
  const name = value.constructor?.name ?? 'object';
  const hint =
    value instanceof globalThis.Date
      ? ': use neo4j.types.DateTime.fromStandardDate(date) (or LocalDateTime/Date) to say which Bolt type is meant'
      : value instanceof Map
        ? ': use a plain object for a Bolt map'
        : '';
  throw new ValueEncodingError(`a ${name} cannot be sent over Bolt${hint}`);
}

function nodeStructure(node: Node, dialect: Dialect): Structure {
  const fields: unknown[] = [node.identity, node.labels, node.properties];
  if (dialect.bolt5) {
    fields.push(node.elementId);
  }
  return new Structure(tags.NODE, fields);
}

function unboundStructure(
  identity: unknown,
  type: string,
  properties: object,
  elementId: string,
  dialect: Dialect
): Structure {
  const fields: unknown[] = [identity, type, properties];
  if (dialect.bolt5) {
    fields.push(elementId);
  }
  return new Structure(tags.UNBOUND_RELATIONSHIP, fields);
}

/** Path: unique nodes, unique unbound relationships, and the index sequence that walks them. */
function pathStructure(path: Path, dialect: Dialect): Structure {
  const nodes: Node[] = [path.start];
  const nodeIndex = new Map<string, number>([[path.start.elementId, 0]]);
  const relationships: Structure[] = [];
  const relationshipIndex = new Map<string, number>();
  const sequence: number[] = [];
  for (const segment of path.segments) {
    const relationship = segment.relationship;
    let index = relationshipIndex.get(relationship.elementId);
    if (index === undefined) {
      relationships.push(
        unboundStructure(relationship.identity, relationship.type, relationship.properties, relationship.elementId, dialect)
      );
      index = relationships.length;
      relationshipIndex.set(relationship.elementId, index);
    }
    // Positive: traversed from its start node; negative: against its direction.
    sequence.push(relationship.startNodeElementId === segment.start.elementId ? index : -index);
    let next = nodeIndex.get(segment.end.elementId);
    if (next === undefined) {
      nodes.push(segment.end);
      next = nodes.length - 1;
      nodeIndex.set(segment.end.elementId, next);
    }
    sequence.push(next);
  }
  return new Structure(tags.PATH, [nodes, relationships.map((r) => new PrebuiltStructure(r)), sequence.map(BigInt)]);
}

/**
 * A field Bolt types as Integer (every temporal field, a point's srid), as a bigint. neo4j-driver's constructors keep
 * a plain JS number as given (`new Duration(1, 2, 3, 4)`), and packing it as a Float would be unfaithful: Memgraph
 * always sends Integers there, and neo4j-driver 4.4 cannot read a Float in them. A whole number within 2^53 converts
 * exactly (as the driver itself does when it sends the value); anything else is refused, naming the field.
 */
function wholeField(type: string, field: string, value: unknown): bigint {
  if (isInt(value)) {
    return toBigInt(value);
  }
  if (typeof value === 'bigint') {
    return value;
  }
  if (typeof value === 'number' && Number.isSafeInteger(value)) {
    return BigInt(value);
  }
  const why =
    typeof value === 'number'
      ? Number.isInteger(value)
        ? 'is beyond 2^53, where a JS number is no longer exact: use neo4j.int("…") or a bigint'
        : 'is not a whole number'
      : `is a ${value === null ? 'null' : typeof value}`;
  throw new ValueEncodingError(`${type}.${field} must be a Bolt Integer, but ${String(value)} ${why}`);
}

function timeNanos(type: string, value: { hour: unknown; minute: unknown; second: unknown; nanosecond: unknown }): bigint {
  return nanoOfDay(
    wholeField(type, 'hour', value.hour),
    wholeField(type, 'minute', value.minute),
    wholeField(type, 'second', value.second),
    wholeField(type, 'nanosecond', value.nanosecond)
  );
}

interface LocalFields {
  year: unknown;
  month: unknown;
  day: unknown;
  hour: unknown;
  minute: unknown;
  second: unknown;
}

function civil(type: string, value: LocalFields) {
  const field = (name: keyof LocalFields) => wholeField(type, name, value[name]);
  return {
    year: field('year'),
    month: field('month'),
    day: field('day'),
    hour: field('hour'),
    minute: field('minute'),
    second: field('second'),
  };
}

function dateTimeStructure(value: InstanceType<typeof DateTime>, dialect: Dialect): Structure {
  const local = epochSecondFromLocal(civil('DateTime', value));
  const nanosecond = wholeField('DateTime', 'nanosecond', value.nanosecond);
  const zoneId = value.timeZoneId ?? undefined;
  const knownOffset =
    value.timeZoneOffsetSeconds == null ? undefined : wholeField('DateTime', 'timeZoneOffsetSeconds', value.timeZoneOffsetSeconds);
  if (!dialect.bolt5) {
    return zoneId
      ? new Structure(tags.LEGACY_DATE_TIME_ZONE_ID, [local, nanosecond, zoneId])
      : new Structure(tags.LEGACY_DATE_TIME_OFFSET, [local, nanosecond, knownOffset ?? 0n]);
  }
  if (zoneId) {
    const offset = knownOffset ?? zoneOffsetOrThrow(zoneId, local);
    return new Structure(tags.DATE_TIME_ZONE_ID, [local - offset, nanosecond, zoneId]);
  }
  if (knownOffset === undefined) {
    throw new ValueEncodingError('a DateTime needs a time zone offset or a time zone id');
  }
  return new Structure(tags.DATE_TIME_OFFSET, [local - knownOffset, nanosecond, knownOffset]);
}

function zoneOffsetOrThrow(zoneId: string, localEpochSecond: bigint): bigint {
  try {
    return zoneOffsetForLocal(zoneId, localEpochSecond);
  } catch (error) {
    throw new ValueEncodingError(`unknown time zone id "${zoneId}": ${(error as Error).message}`);
  }
}
