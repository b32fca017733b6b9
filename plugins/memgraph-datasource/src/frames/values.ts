import neo4j, { type Integer, type Node, type Path, type Relationship } from 'neo4j-driver';

import { isSafeInteger, kindOf } from '../model/valueKinds';

function asInteger(value: Integer | bigint): Integer {
  return neo4j.int(value);
}

function integerText(value: Integer | bigint): string {
  return asInteger(value).toString();
}

export function integerNumber(value: Integer | bigint): number {
  return asInteger(value).toNumber();
}

/** `SRID=4326;POINT(116.4 39.9)` — the extended WKT Jolt and PostGIS use. */
function pointText(point: { srid: Integer | number; x: number; y: number; z?: number }): string {
  const coordinates = point.z === undefined ? `${point.x} ${point.y}` : `${point.x} ${point.y} ${point.z}`;
  return `SRID=${String(point.srid)};POINT(${coordinates})`;
}

function bytesText(bytes: ArrayBufferView): string {
  const octets = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Array.from(octets, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * How an integer beyond ±2^53 is written inside lists, maps and node / relationship properties: `{"Z": "<exact
 * decimal>"}`, Jolt's integer notation (the one this repository's fixtures use). It keeps the exact digits, as a
 * top-level column of such integers does (exact text), and unlike a bare string it still says "integer".
 */
export const BIG_INTEGER_KEY = 'Z';

export interface BigInteger {
  [BIG_INTEGER_KEY]: string;
}

/** Told about each integer beyond ±2^53 that `toPlain` wrote as a BigInteger. */
export type BigIntegerListener = () => void;

/**
 * A JSON-safe rendering of any value, for JSON fields (graph values, lists, maps) and mixed columns. Integers stay
 * exact: numbers inside ±2^53, a BigInteger beyond; temporal values and durations become their ISO strings (no
 * trailing zeros in the fraction), points extended WKT.
 */
export function toPlain(value: unknown, onBigInteger?: BigIntegerListener): unknown {
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
      if (isSafeInteger(integer)) {
        return integerNumber(integer);
      }
      onBigInteger?.();
      return { [BIG_INTEGER_KEY]: integerText(integer) } satisfies BigInteger;
    }
    case 'node': {
      const node = value as Node;
      return { elementId: node.elementId, labels: node.labels, properties: plainMap(node.properties, onBigInteger) };
    }
    case 'relationship': {
      const rel = value as Relationship;
      return {
        elementId: rel.elementId,
        type: rel.type,
        ...(rel.startNodeElementId !== undefined
          ? { startElementId: rel.startNodeElementId, endElementId: rel.endNodeElementId }
          : {}),
        properties: plainMap(rel.properties, onBigInteger),
      };
    }
    case 'path': {
      const path = value as Path;
      return {
        nodes: [path.start, ...path.segments.map((s) => s.end)].map((node) => toPlain(node, onBigInteger)),
        relationships: path.segments.map((s) => toPlain(s.relationship, onBigInteger)),
      };
    }
    case 'point':
      return pointText(value as { srid: Integer; x: number; y: number; z?: number });
    case 'bytes':
      return bytesText(value as ArrayBufferView);
    case 'list':
      return (value as unknown[]).map((item) => toPlain(item, onBigInteger));
    case 'map':
      return plainMap(value as Record<string, unknown>, onBigInteger);
    default:
      return temporalText(value);
  }
}

/**
 * Temporal values and durations as ISO 8601, the driver's text without the fraction's trailing zeros: it always
 * prints nine digits (`10:30:15.500000000`), whatever the value holds.
 */
function temporalText(value: unknown): string {
  return String(value).replace(/\.(\d+)/, (_, digits: string) => {
    const significant = digits.replace(/0+$/, '');
    return significant ? `.${significant}` : '';
  });
}

/**
 * A map's entries made plain, in a loop rather than Object.fromEntries(Object.entries(…)) (three times faster; every
 * node's properties go through here). A key `__proto__` must become an own property, not the prototype.
 */
function plainMap(map: Record<string, unknown>, onBigInteger?: BigIntegerListener): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  for (const key of Object.keys(map)) {
    const value = toPlain(map[key], onBigInteger);
    if (key === '__proto__') {
      Object.defineProperty(plain, key, { value, enumerable: true, writable: true, configurable: true });
    } else {
      plain[key] = value;
    }
  }
  return plain;
}

/** Text for a value in a text column (mixed scalar columns, local times, points, bytes); integers as exact digits. */
export function toText(value: unknown): string | null {
  if (typeof value === 'string') {
    return value; // most values of a text column: no need to look further
  }
  if (kindOf(value) === 'integer') {
    return integerText(value as Integer | bigint);
  }
  const plain = toPlain(value);
  if (plain === null) {
    return null;
  }
  return typeof plain === 'object' ? JSON.stringify(plain) : String(plain);
}
