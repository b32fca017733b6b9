import neo4j from 'neo4j-driver';

import { node, path, rel } from '../testing/results';
import { kindOf } from '../model/valueKinds';
import { toPlain } from './values';

const int = neo4j.int;
const {
  Date: CypherDate,
  LocalDateTime,
  DateTime,
  LocalTime,
  Time,
  Duration,
  Point,
  UnboundRelationship,
} = neo4j.types;

describe('kindOf', () => {
  it.each([
    [null, 'null'],
    [undefined, 'null'],
    [true, 'boolean'],
    [1.5, 'float'],
    [BigInt(1), 'integer'],
    ['a', 'string'],
    [int(1), 'integer'],
    [node(1, ['A']), 'node'],
    [rel(1, 1, 2, 'T'), 'relationship'],
    [new UnboundRelationship(int(1), 'T', {}, 'r1'), 'relationship'],
    [path([node(1, ['A']), node(2, ['B'])], [rel(3, 1, 2, 'T')]), 'path'],
    [new CypherDate(int(2024), int(5), int(1)), 'date'],
    [new LocalDateTime(2024, 5, 1, 10, 0, 0, 0), 'localDateTime'],
    [new DateTime(2024, 5, 1, 10, 0, 0, 0, 0), 'dateTime'],
    [new LocalTime(10, 0, 0, 0), 'localTime'],
    [new Time(10, 0, 0, 0, 0), 'time'],
    [new Duration(0, 0, 1, 0), 'duration'],
    [new Point(int(4326), 1, 2), 'point'],
    [new Int8Array([1]), 'bytes'],
    [[1], 'list'],
    [{ k: 1 }, 'map'],
    [Object.create(null), 'map'],
  ])('%p is %s', (value, kind) => {
    expect(kindOf(value)).toBe(kind);
  });

  it('recognises values made by another copy of the driver by its markers, not its classes', () => {
    class ForeignNode {
      readonly elementId = 'n9';
      readonly labels = ['A'];
      readonly properties = {};
    }
    Object.defineProperty(ForeignNode.prototype, '__isNode__', { value: true });
    expect(kindOf(new ForeignNode())).toBe('node');
  });

  it('a plain map stays a map even when its keys look like the driver markers', () => {
    expect(kindOf({ __isNode__: true, labels: [] })).toBe('map');
  });
});

describe('toPlain', () => {
  it('makes every key of a map an own property, __proto__ included', () => {
    const map = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    const plain = toPlain(map) as Record<string, unknown>;
    expect(Object.keys(plain)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
    expect((plain as { polluted?: boolean }).polluted).toBeUndefined();
    expect(JSON.stringify(plain)).toBe('{"__proto__":{"polluted":true},"a":1}');
  });
});
