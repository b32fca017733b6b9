// Bolt structures → neo4j-driver values (the decoding half of values.ts), with the structure shapes of the negotiated
// Bolt version: element ids in graph structures on Bolt 5, date-times as UTC on Bolt 5 and as local time on Bolt 4.
import {
  Date as BoltDate,
  DateTime,
  Duration,
  Integer,
  LocalDateTime,
  LocalTime,
  Node,
  Path,
  PathSegment,
  Point,
  Relationship,
  Time,
  UnboundRelationship,
  isInt,
} from 'neo4j-driver-core';
import { PackStreamError, Structure, type StructureHydrator } from './reader';
import { dateFromEpochDay, localFromEpochSecond, timeFromNanoOfDay, toBigInt, zoneOffsetAtInstant } from './temporal-math';
import { tags, type Dialect } from './values';

/** Turns Bolt structures into neo4j-driver values (integers as `Integer`, as the driver itself decodes them). */
export function createHydrator(dialect: Dialect): StructureHydrator {
  return (structure) => hydrate(structure, dialect);
}

const int = (value: bigint) => Integer.fromString(value.toString());

function expectFields(structure: Structure, name: string, count: number): unknown[] {
  if (structure.fields.length !== count) {
    throw new PackStreamError(`wrong struct size for ${name}: expected ${count} fields, got ${structure.fields.length}`);
  }
  return structure.fields;
}

function bigIntField(value: unknown, what: string): bigint {
  if (isInt(value)) {
    return toBigInt(value);
  }
  throw new PackStreamError(`${what} must be an integer`);
}

function hydrate(structure: Structure, dialect: Dialect): unknown {
  const graphCount = (v4: number, v5: number) => (dialect.bolt5 ? v5 : v4);
  switch (structure.tag) {
    case tags.NODE: {
      const [id, labels, properties, elementId] = expectFields(structure, 'Node', graphCount(3, 4));
      return new Node(id as Integer, labels as string[], properties as object, elementId as string | undefined);
    }
    case tags.RELATIONSHIP: {
      const [id, start, end, type, properties, elementId, startElementId, endElementId] = expectFields(
        structure,
        'Relationship',
        graphCount(5, 8)
      );
      return new Relationship(
        id as Integer,
        start as Integer,
        end as Integer,
        type as string,
        properties as object,
        elementId as string | undefined,
        startElementId as string | undefined,
        endElementId as string | undefined
      );
    }
    case tags.UNBOUND_RELATIONSHIP: {
      const [id, type, properties, elementId] = expectFields(structure, 'UnboundRelationship', graphCount(3, 4));
      return new UnboundRelationship(id as Integer, type as string, properties as object, elementId as string | undefined);
    }
    case tags.PATH:
      return hydratePath(expectFields(structure, 'Path', 3));
    case tags.DATE: {
      const [days] = expectFields(structure, 'Date', 1);
      const date = dateFromEpochDay(bigIntField(days, 'Date days'));
      return new BoltDate(int(date.year), int(date.month), int(date.day));
    }
    case tags.LOCAL_TIME: {
      const [nanos] = expectFields(structure, 'LocalTime', 1);
      const t = timeFromNanoOfDay(bigIntField(nanos, 'LocalTime nanoseconds'));
      return new LocalTime(int(t.hour), int(t.minute), int(t.second), int(t.nanosecond));
    }
    case tags.TIME: {
      const [nanos, offset] = expectFields(structure, 'Time', 2);
      const t = timeFromNanoOfDay(bigIntField(nanos, 'Time nanoseconds'));
      return new Time(int(t.hour), int(t.minute), int(t.second), int(t.nanosecond), offset as Integer);
    }
    case tags.LOCAL_DATE_TIME: {
      const [seconds, nanos] = expectFields(structure, 'LocalDateTime', 2);
      const t = localFromEpochSecond(bigIntField(seconds, 'LocalDateTime seconds'));
      return new LocalDateTime(
        int(t.year), int(t.month), int(t.day), int(t.hour), int(t.minute), int(t.second), nanos as Integer
      );
    }
    case tags.DURATION: {
      const [months, days, seconds, nanos] = expectFields(structure, 'Duration', 4);
      return new Duration(months as Integer, days as Integer, seconds as Integer, nanos as Integer);
    }
    case tags.POINT_2D: {
      const [srid, x, y] = expectFields(structure, 'Point2D', 3);
      return new Point(srid as Integer, x as number, y as number);
    }
    case tags.POINT_3D: {
      const [srid, x, y, z] = expectFields(structure, 'Point3D', 4);
      return new Point(srid as Integer, x as number, y as number, z as number);
    }
    case tags.DATE_TIME_OFFSET:
    case tags.DATE_TIME_ZONE_ID:
    case tags.LEGACY_DATE_TIME_OFFSET:
    case tags.LEGACY_DATE_TIME_ZONE_ID:
      return hydrateDateTime(structure, dialect);
  }
  throw new PackStreamError(`unknown structure tag 0x${structure.tag.toString(16)}`);
}

function hydrateDateTime(structure: Structure, dialect: Dialect): unknown {
  const utc = structure.tag === tags.DATE_TIME_OFFSET || structure.tag === tags.DATE_TIME_ZONE_ID;
  if (utc !== dialect.bolt5) {
    throw new PackStreamError(
      `structure 0x${structure.tag.toString(16)} is not a date-time of Bolt ${dialect.bolt5 ? '5' : '4'}`
    );
  }
  const [secondsField, nanos, zone] = expectFields(structure, 'DateTime', 3);
  const seconds = bigIntField(secondsField, 'DateTime seconds');
  const zoneId = typeof zone === 'string' ? zone : undefined;
  let offset: bigint | undefined = zoneId === undefined ? bigIntField(zone, 'DateTime offset') : undefined;
  let local = seconds;
  if (utc) {
    try {
      offset ??= zoneOffsetAtInstant(zoneId!, seconds);
    } catch {
      throw new PackStreamError(`unknown time zone id "${zoneId}"`);
    }
    local = seconds + offset;
  }
  const t = localFromEpochSecond(local);
  return new DateTime(
    int(t.year), int(t.month), int(t.day), int(t.hour), int(t.minute), int(t.second), nanos as Integer,
    offset === undefined ? undefined : int(offset),
    zoneId ?? null
  );
}

function hydratePath([nodes, relationships, sequence]: unknown[]): Path {
  const pathNodes = nodes as Node[];
  const rels = relationships as Array<UnboundRelationship | Relationship>;
  const indices = (sequence as Integer[]).map((i) => i.toNumber());
  const segments: PathSegment[] = [];
  let previous = pathNodes[0];
  for (let i = 0; i < indices.length; i += 2) {
    const relIndex = indices[i];
    const next = pathNodes[indices[i + 1]];
    const rel = rels[Math.abs(relIndex) - 1];
    if (!next || !rel) {
      throw new PackStreamError('path index out of range');
    }
    const [from, to] = relIndex > 0 ? [previous, next] : [next, previous];
    const bound = rel instanceof UnboundRelationship ? rel.bindTo(from, to) : rel;
    segments.push(new PathSegment(previous, bound, next));
    previous = next;
  }
  return new Path(pathNodes[0], previous, segments);
}

