// Jolt ("JSON Bolt", Neo4j HTTP API result format) ⇄ neo4j-driver values, in sparse mode:
// strings, booleans, null, lists and maps are plain JSON; integers `{"Z": "<decimal>"}` (parsed exactly, never
// through a JS number); floats `{"R": "<decimal>"}`; temporals `{"T": "<ISO 8601>"}`; points
// `{"@": "SRID=n;POINT(x y[ z])"}`; bytes `{"#": "<hex>"}`; `{"()": …}`, `{"->": …}`, `{"<-": …}`, `{"..": …}`.
import neo4j, { Integer, isInt, isNode, isPath, isPoint, isRelationship, Node, Path, PathSegment, Relationship } from 'neo4j-driver';
import { isTemporal, mapEntries } from '@opentruss/bolt-protocol';
import { parseTemporal, TemporalSyntaxError } from './temporal-text';

const { Point } = neo4j.types;

export class JoltError extends Error {}

export type JoltValue = null | boolean | string | number | JoltValue[] | { [key: string]: JoltValue };

const SIGILS = new Set(['Z', 'R', 'U', '?', 'T', '@', '#', '[]', '{}', '()', '->', '<-', '..']);
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const DECIMAL_INTEGER = /^[+-]?\d+$/;
const FLOAT_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$|^[+-]?Infinity$|^NaN$/;
const HEX = /^([0-9a-fA-F]{2})*$/;
const WKT_POINT = /^SRID=(\d+);\s*POINT\s*(?:Z\s*)?\(\s*(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)$/i;

// ---------------------------------------------------------------------------------------------- parse

/** Jolt (already JSON-parsed) → driver values. `path` names the position in error messages. */
export function parseJolt(value: unknown, path = '$'): unknown {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number') {
    // Sparse Jolt writes small integers bare; a bare fraction or an unsafe integer is ambiguous or already rounded.
    if (Number.isSafeInteger(value)) {
      return Integer.fromNumber(value);
    }
    throw new JoltError(
      `${path}: bare JSON number ${value} — write floats as {"R": "${value}"} and integers as {"Z": "<decimal>"}`
    );
  }
  if (Array.isArray(value)) {
    return value.map((item, i) => parseJolt(item, `${path}[${i}]`));
  }
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 1 && SIGILS.has(keys[0])) {
      return parseTyped(keys[0], (value as Record<string, unknown>)[keys[0]], `${path}.${keys[0]}`);
    }
    return parseMap(value as Record<string, unknown>, path);
  }
  throw new JoltError(`${path}: ${typeof value} is not JSON`);
}

function parseMap(map: Record<string, unknown>, path: string): Record<string, unknown> {
  return mapEntries(map, (item, key) => parseJolt(item, `${path}.${key}`));
}

function parseTyped(sigil: string, body: unknown, path: string): unknown {
  const expect = (ok: boolean, what: string) => {
    if (!ok) {
      throw new JoltError(`${path}: expected ${what}, got ${JSON.stringify(body)}`);
    }
  };
  switch (sigil) {
    case 'Z':
      return parseInteger(body, path);
    case 'R':
      expect(typeof body === 'number' || (typeof body === 'string' && FLOAT_TEXT.test(body)), 'a float as text');
      return Number(body);
    case 'U':
      expect(typeof body === 'string', 'a string');
      return body;
    case '?':
      expect(typeof body === 'boolean' || body === 'true' || body === 'false', '"true" or "false"');
      return body === true || body === 'true';
    case 'T':
      expect(typeof body === 'string', 'an ISO 8601 string');
      try {
        return parseTemporal(body as string);
      } catch (error) {
        throw error instanceof TemporalSyntaxError ? new JoltError(`${path}: ${error.message}`) : error;
      }
    case '@':
      return parsePoint(body, path);
    case '#':
      expect(typeof body === 'string' && HEX.test(body), 'bytes as hexadecimal text');
      return Int8Array.from(Buffer.from(body as string, 'hex'), (byte) => (byte << 24) >> 24);
    case '[]':
      expect(Array.isArray(body), 'a list');
      return parseJolt(body, path);
    case '{}':
      expect(typeof body === 'object' && body !== null && !Array.isArray(body), 'a map');
      return parseMap(body as Record<string, unknown>, path);
    case '()':
      return parseNode(body, path);
    case '->':
    case '<-':
      return parseRelationship(sigil, body, path).relationship;
    default: // '..'
      return parsePath(body, path);
  }
}

function parseInteger(body: unknown, path: string): Integer {
  if (typeof body === 'number' && Number.isSafeInteger(body)) {
    return Integer.fromNumber(body);
  }
  if (typeof body !== 'string' || !DECIMAL_INTEGER.test(body)) {
    throw new JoltError(`${path}: expected an integer as decimal text, got ${JSON.stringify(body)}`);
  }
  const exact = BigInt(body);
  if (exact < INT64_MIN || exact > INT64_MAX) {
    throw new JoltError(`${path}: integer ${body} does not fit in 64 bits`);
  }
  return Integer.fromString(exact.toString());
}

/** Entity ids: a bare safe integer, `{"Z": …}` or decimal text. */
function parseId(value: unknown, path: string): Integer {
  if (typeof value === 'object' && value !== null && 'Z' in value) {
    return parseInteger((value as { Z: unknown }).Z, path);
  }
  return parseInteger(value, path);
}

function parsePoint(body: unknown, path: string): unknown {
  const m = typeof body === 'string' ? WKT_POINT.exec(body.trim()) : null;
  const coordinates = m ? [m[2], m[3], m[4]].filter((c) => c !== undefined) : [];
  if (!m || !coordinates.every((c) => FLOAT_TEXT.test(c))) {
    throw new JoltError(`${path}: expected "SRID=<n>;POINT(<x> <y>[ <z>])", got ${JSON.stringify(body)}`);
  }
  const [x, y, z] = coordinates.map(Number);
  return new Point(Integer.fromString(m[1]), x, y, z);
}

function entityArray(body: unknown, length: number, shape: string, path: string): unknown[] {
  if (!Array.isArray(body) || body.length !== length) {
    throw new JoltError(`${path}: expected ${shape}, got ${JSON.stringify(body)}`);
  }
  return body;
}

function parseProperties(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new JoltError(`${path}: properties must be a map`);
  }
  return parseMap(value as Record<string, unknown>, path);
}

function parseNode(body: unknown, path: string): Node {
  const [id, labels, properties] = entityArray(body, 3, '[id, [labels], {properties}]', path);
  if (!Array.isArray(labels) || !labels.every((l) => typeof l === 'string')) {
    throw new JoltError(`${path}[1]: labels must be a list of strings`);
  }
  const identity = parseId(id, `${path}[0]`);
  return new Node(identity, labels, parseProperties(properties, `${path}[2]`), identity.toString());
}

/** `->`: [id, start, type, end, props]; `<-`: [id, end, type, start, props] (left node first, as written). */
function parseRelationship(sigil: string, body: unknown, path: string) {
  const [id, left, type, right, properties] = entityArray(body, 5, '[id, node id, type, node id, {properties}]', path);
  if (typeof type !== 'string') {
    throw new JoltError(`${path}[2]: the relationship type must be a string`);
  }
  const identity = parseId(id, `${path}[0]`);
  const leftId = parseId(left, `${path}[1]`);
  const rightId = parseId(right, `${path}[3]`);
  const [start, end] = sigil === '->' ? [leftId, rightId] : [rightId, leftId];
  const relationship = new Relationship(
    identity,
    start,
    end,
    type,
    parseProperties(properties, `${path}[4]`),
    identity.toString(),
    start.toString(),
    end.toString()
  );
  return { relationship, leftId, rightId };
}

function parsePath(body: unknown, path: string): Path {
  if (!Array.isArray(body) || body.length % 2 === 0) {
    throw new JoltError(`${path}: a path is [node, relationship, node, …] with an odd number of entries`);
  }
  const nodeAt = (i: number) => {
    const node = parseJolt(body[i], `${path}[${i}]`);
    if (!isNode(node)) {
      throw new JoltError(`${path}[${i}]: expected a node {"()": …}`);
    }
    return node;
  };
  let previous = nodeAt(0);
  const segments: PathSegment[] = [];
  for (let i = 1; i < body.length; i += 2) {
    const entry = body[i] as Record<string, unknown> | null;
    const sigil = entry && typeof entry === 'object' ? Object.keys(entry)[0] : undefined;
    if (sigil !== '->' && sigil !== '<-') {
      throw new JoltError(`${path}[${i}]: expected a relationship {"->": …} or {"<-": …}`);
    }
    const { relationship, leftId, rightId } = parseRelationship(sigil, entry![sigil], `${path}[${i}].${sigil}`);
    const next = nodeAt(i + 1);
    if (!leftId.equals(previous.identity) || !rightId.equals(next.identity)) {
      throw new JoltError(`${path}[${i}]: relationship does not connect node ${previous.identity} to node ${next.identity}`);
    }
    segments.push(new PathSegment(previous, relationship, next));
    previous = next;
  }
  return new Path(nodeAt(0), previous, segments);
}

// ---------------------------------------------------------------------------------------------- write

/** Driver values → Jolt (sparse), the inverse of `parseJolt`. Throws for values Jolt cannot hold. */
export function toJolt(value: unknown, path = '$'): JoltValue {
  switch (typeof value) {
    case 'undefined':
      return null;
    case 'boolean':
    case 'string':
      return value;
    case 'number':
      return { R: Object.is(value, -0) ? '-0' : String(value) };
    case 'bigint':
      return { Z: checkedInt64(value, path).toString() };
    case 'object':
      return value === null ? null : objectToJolt(value, path);
    default:
      throw new JoltError(`${path}: a ${typeof value} has no Jolt form`);
  }
}

function checkedInt64(value: bigint, path: string): bigint {
  if (value < INT64_MIN || value > INT64_MAX) {
    throw new JoltError(`${path}: integer ${value} does not fit in 64 bits`);
  }
  return value;
}

function objectToJolt(value: object, path: string): JoltValue {
  if (isInt(value)) {
    return { Z: value.toString() };
  }
  if (Array.isArray(value)) {
    return value.map((item, i) => toJolt(item, `${path}[${i}]`));
  }
  if (value instanceof Int8Array || value instanceof Uint8Array) {
    return { '#': Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex').toUpperCase() };
  }
  if (isNode(value)) {
    return { '()': [idToJolt(value.identity, value.elementId, path), [...value.labels], mapToJolt(value.properties, path)] };
  }
  if (isRelationship(value)) {
    return { '->': relationshipBody(value, true, path) };
  }
  if (isPath(value)) {
    return { '..': pathToJolt(value, path) };
  }
  if (isPoint(value)) {
    const coordinates = [value.x, value.y, value.z].filter((c) => c !== undefined).map(floatText);
    return { '@': `SRID=${value.srid.toString()};POINT(${coordinates.join(' ')})` };
  }
  if (isTemporal(value)) {
    return { T: value.toString() };
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === null) {
    const map = mapToJolt(value as Record<string, unknown>, path);
    // A one-key map whose key is a Jolt sigil would read back as a typed value: wrap it.
    const keys = Object.keys(map);
    return keys.length === 1 && SIGILS.has(keys[0]) ? { '{}': map } : map;
  }
  throw new JoltError(`${path}: a ${value.constructor?.name ?? 'object'} has no Jolt form`);
}

function floatText(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value);
}

function mapToJolt(map: Record<string, unknown>, path: string): { [key: string]: JoltValue } {
  return mapEntries(map, (item, key) => toJolt(item, `${path}.${key}`));
}

/** Memgraph's element ids are the ids as text; Jolt here keeps only the id, so anything else would be lost. */
function idToJolt(identity: unknown, elementId: string, path: string): JoltValue {
  const id = isInt(identity) ? identity : Integer.fromValue(identity as number);
  if (elementId !== id.toString()) {
    throw new JoltError(`${path}: element id "${elementId}" is not the id ${id} as text (Memgraph's convention)`);
  }
  return id.inSafeRange() ? id.toNumber() : { Z: id.toString() };
}

/** Left node first: the start node when written `->`, the end node when written `<-` (reversed in a path). */
function relationshipBody(rel: Relationship, forward: boolean, path: string): JoltValue[] {
  const start = idToJolt(rel.start, rel.startNodeElementId, path);
  const end = idToJolt(rel.end, rel.endNodeElementId, path);
  return [
    idToJolt(rel.identity, rel.elementId, path),
    forward ? start : end,
    rel.type,
    forward ? end : start,
    mapToJolt(rel.properties, path),
  ];
}

function pathToJolt(path: Path, where: string): JoltValue[] {
  const entries: JoltValue[] = [toJolt(path.start, `${where}[0]`)];
  path.segments.forEach((segment, i) => {
    const rel = segment.relationship;
    const forward = rel.startNodeElementId === segment.start.elementId;
    const body = relationshipBody(rel, forward, `${where}[${2 * i + 1}]`);
    entries.push(forward ? { '->': body } : { '<-': body }, toJolt(segment.end, `${where}[${2 * i + 2}]`));
  });
  return entries;
}
