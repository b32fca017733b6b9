// Compares driver values exactly across driver copies (Node build vs browser bundle) and across the two ways a
// temporal field can be held (number or Integer): integers become bigint, each value is tagged with its type.
import {
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isPathSegment,
  isPoint,
  isRelationship,
  isTime,
  isUnboundRelationship,
} from 'neo4j-driver';

const temporalChecks: Array<[string, (v: unknown) => boolean]> = [
  ['Date', isDate],
  ['DateTime', isDateTime],
  ['LocalDateTime', isLocalDateTime],
  ['LocalTime', isLocalTime],
  ['Time', isTime],
  ['Duration', isDuration],
];

const otherChecks: Array<[string, (v: unknown) => boolean]> = [
  ['Node', isNode],
  ['Relationship', isRelationship],
  ['UnboundRelationship', isUnboundRelationship],
  ['Path', isPath],
  ['PathSegment', isPathSegment],
  ['Point', isPoint],
];

export function normalize(value: unknown): unknown {
  if (isInt(value)) {
    return BigInt(value.toString());
  }
  if (Array.isArray(value)) {
    return value.map(normalize);
  }
  if (value instanceof Int8Array || value instanceof Uint8Array) {
    return { bytes: Array.from(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) };
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  const temporal = temporalChecks.find(([, is]) => is(value));
  const type = temporal?.[0] ?? otherChecks.find(([, is]) => is(value))?.[0];
  const fields: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    // Temporal fields are whole numbers whether held as number or Integer; compare them as bigint.
    fields[key] = temporal && typeof field === 'number' ? BigInt(field) : normalize(field);
  }
  if (type === 'Point') {
    fields.srid = BigInt(String(fields.srid));
  }
  return type ? { [type]: fields } : fields;
}
