// PackStream and chunking against the byte examples of the Bolt documentation (packstream, message pages).
import neo4j from 'neo4j-driver';
import { ChunkingError, Dechunker, MAX_MESSAGE_BYTES } from '../src/channel/dechunker';
import { MessageFramer } from '../src/bolt/message-framer';
import { PackStreamError, PackStreamReader } from '../src/packstream/reader';
import { createHydrator } from '../src/packstream/hydrate';
import { BOLT4, BOLT5, packValue, ValueEncodingError } from '../src/packstream/values';
import { PackStreamWriter } from '../src/packstream/writer';
import { INVALID_UTF8_CASES, queryWithBytes, rawStringField } from '@opentruss/bolt-testing';

const int = neo4j.int;

function encode(value: unknown, dialect = BOLT5): string {
  const writer = new PackStreamWriter(16);
  packValue(writer, value, dialect);
  return writer.take().toString('hex');
}

function decode(hex: string, dialect = BOLT5): unknown {
  return new PackStreamReader(Buffer.from(hex, 'hex'), createHydrator(dialect)).read();
}

describe('PackStream encoding matches the specification bytes', () => {
  it.each([
    [null, 'c0'],
    [true, 'c3'],
    [false, 'c2'],
    [1.1, 'c13ff199999999999a'],
    [-1.1, 'c1bff199999999999a'],
    [int(1), '01'],
    [int(127), '7f'],
    [int(-16), 'f0'],
    [int(-17), 'c8ef'],
    [int(-128), 'c880'],
    [int(128), 'c90080'],
    [int(-32768), 'c98000'],
    [int(32768), 'ca00008000'],
    [int(-2147483648), 'ca80000000'],
    [int(2147483648), 'cb0000000080000000'],
    [int('9223372036854775807'), 'cb7fffffffffffffff'],
    [int('-9223372036854775808'), 'cb8000000000000000'],
    [2n ** 40n, 'cb0000010000000000'],
    [-1n, 'ff'],
    ['', '80'],
    ['A', '8141'],
    ['ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'd01a4142434445464748494a4b4c4d4e4f505152535455565758595a'],
    ['Größenmaßstäbe', 'd012' + Buffer.from('Größenmaßstäbe').toString('hex')],
    ['中', '83e4b8ad'],
    [Int8Array.from([1, 2, 3]), 'cc03010203'],
    [[int(1), int(2), int(3)], '93010203'],
    [[], '90'],
    [{ one: 'eins' }, 'a1836f6e658465696e73'],
    [{}, 'a0'],
  ])('%p → %s', (value, hex) => {
    expect(encode(value)).toBe(hex);
  });

  it('uses the 16- and 32-bit size markers when sizes call for them', () => {
    expect(encode('a'.repeat(256)).slice(0, 6)).toBe('d10100');
    expect(encode('a'.repeat(65536)).slice(0, 10)).toBe('d200010000');
    expect(encode(new Array(16).fill(null)).slice(0, 4)).toBe('d410');
    expect(encode(new Int8Array(65536)).slice(0, 10)).toBe('ce00010000');
    const bigMap = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, null]));
    expect(encode(bigMap).slice(0, 6)).toBe('d9012c');
  });

  it('encodes a node with its element id on Bolt 5 and without it on Bolt 4', () => {
    const node = new neo4j.types.Node(int(1), ['L'], {}, '1');
    expect(encode(node, BOLT5)).toBe('b44e0191814ca08131');
    expect(encode(node, BOLT4)).toBe('b34e0191814ca0');
  });

  it('encodes date-times as UTC on Bolt 5 and as local time on Bolt 4', () => {
    const value = new neo4j.types.DateTime(1970, 1, 1, 1, 0, 0, 0, 3600);
    expect(encode(value, BOLT5)).toBe('b349' + '00' + '00' + 'c90e10'); // UTC 0 s, 0 ns, +3600 s
    expect(encode(value, BOLT4)).toBe('b346' + 'c90e10' + '00' + 'c90e10'); // local 3600 s
  });

  // neo4j-driver's constructors keep plain JS numbers; Memgraph sends every temporal field (and a point's srid) as an
  // Integer, and neo4j-driver 4.4 cannot read a Float there, so whole numbers go out as Integers.
  it.each([
    ['duration', new neo4j.types.Duration(14, 3, 3661, 500000000), 'b4450e03c90e4dca1dcd6500'],
    ['local time', new neo4j.types.LocalTime(0, 0, 1, 5), 'b174ca3b9aca05'],
    ['time', new neo4j.types.Time(0, 0, 0, 7, 3600), 'b25407c90e10'],
    ['date', new neo4j.types.Date(1970, 1, 2), 'b14401'],
    ['local date-time', new neo4j.types.LocalDateTime(1970, 1, 1, 0, 0, 1, 5), 'b2640105'],
    ['date-time', new neo4j.types.DateTime(1970, 1, 1, 0, 0, 1, 5, 0), 'b3490105' + '00'],
    ['2D point', new neo4j.types.Point(4326, 1, 2), 'b358c910e6c13ff0000000000000c14000000000000000'],
  ])('packs the plain-number fields of a %s as Integers', (_name, value, hex) => {
    expect(encode(value)).toBe(hex);
  });

  it.each([
    ['Duration.months', new neo4j.types.Duration(1.5, 0, 0, 0), /Duration\.months must be a Bolt Integer, but 1\.5 is not a whole number/],
    ['LocalTime.second', new neo4j.types.LocalTime(1, 2, 3.5, 0), /LocalTime\.second must be a Bolt Integer/],
    ['Time.timeZoneOffsetSeconds', new neo4j.types.Time(1, 2, 3, 0, 3600.5), /Time\.timeZoneOffsetSeconds must be/],
    ['Point.srid', new neo4j.types.Point(4326.5, 1, 2), /Point\.srid must be a Bolt Integer/],
    ['Duration.days beyond 2^53', new neo4j.types.Duration(0, 2 ** 60, 0, 0), /Duration\.days .* beyond 2\^53.*neo4j\.int/],
  ])('refuses %s that is not an exact whole number, naming the field', (_name, value, message) => {
    expect(() => encode(value)).toThrow(ValueEncodingError);
    expect(() => encode(value)).toThrow(message);
  });

  it('refuses values Bolt has no type for, saying what to use instead', () => {
    expect(() => encode(new Date())).toThrow(ValueEncodingError);
    expect(() => encode(new Date())).toThrow(/DateTime\.fromStandardDate/);
    expect(() => encode(new Map())).toThrow(/plain object/);
    expect(() => encode(Symbol('s'))).toThrow(/a symbol cannot be sent over Bolt/);
    expect(() => encode(2n ** 63n)).toThrow(/does not fit in 64 bits/);
  });
});

describe('PackStream decoding', () => {
  it.each([
    ['c0', null],
    ['f0', int(-16)],
    ['cb7fffffffffffffff', int('9223372036854775807')],
    ['c13ff199999999999a', 1.1],
    ['d01a4142434445464748494a4b4c4d4e4f505152535455565758595a', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'],
    ['cc03ff0203', Int8Array.from([-1, 2, 3])],
    ['93010203', [int(1), int(2), int(3)]],
    ['a1836f6e658465696e73', { one: 'eins' }],
  ])('%s → %p', (hex, value) => {
    expect(decode(hex)).toEqual(value);
  });

  it('keeps a "__proto__" key as data', () => {
    const map = decode('a189' + Buffer.from('__proto__').toString('hex') + '01') as Record<string, unknown>;
    expect(Object.keys(map)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
  });

  it.each([
    ['d005414243', /message truncated/],
    ['c7', /unknown PackStream marker 0xc7/],
    ['a101c0', /map keys must be strings/],
    ['b14e01', /wrong struct size for Node: expected 4 fields, got 1/],
    ['b10101', /unknown structure tag 0x1/],
  ])('refuses %s', (hex, message) => {
    expect(() => decode(hex)).toThrow(PackStreamError);
    expect(() => decode(hex)).toThrow(message);
  });

  it('refuses a date-time in a zone it does not know', () => {
    const zone = Buffer.from('Mars/Olympus').toString('hex');
    expect(() => decode('b369' + '00' + '00' + '8c' + zone)).toThrow(/unknown time zone id "Mars\/Olympus"/);
  });

  it('refuses a Bolt 4 date-time on a Bolt 5 connection', () => {
    expect(() => decode('b346000000')).toThrow(/not a date-time of Bolt 5/);
  });
});

describe('chunking', () => {
  function frame(build: (writer: PackStreamWriter) => void): Buffer {
    const writer = new PackStreamWriter(8);
    const framer = new MessageFramer(writer);
    framer.begin();
    build(writer);
    framer.end();
    return writer.take();
  }

  it('frames the documentation’s examples', () => {
    const struct = (tag: number, ...fields: unknown[]) => (w: PackStreamWriter) => {
      w.writeStructHeader(fields.length, tag);
      fields.forEach((field) => packValue(w, field, BOLT5));
    };
    expect(frame(struct(0x70, {})).toString('hex')).toBe('0003b170a00000'); // SUCCESS {}
    expect(frame(struct(0x7e)).toString('hex')).toBe('0002b07e0000'); // IGNORED
    expect(frame(struct(0x71, [int(1)])).toString('hex')).toBe('0004b17191010000'); // RECORD [1]
  });

  it('splits a message over 65,535 bytes into full chunks, and the dechunker joins them back', () => {
    const text = 'x'.repeat(140000);
    const bytes = frame((w) => packValue(w, text, BOLT5));
    expect(bytes.readUInt16BE(0)).toBe(0xffff);
    expect(bytes.readUInt16BE(2 + 0xffff)).toBe(0xffff);
    expect(bytes.subarray(-2).toString('hex')).toBe('0000');
    const messages: Buffer[] = [];
    new Dechunker((m) => messages.push(m)).write(bytes);
    expect(messages).toHaveLength(1);
    expect(new PackStreamReader(messages[0]).read()).toBe(text);
  });

  it('drops a message that failed half-way and keeps what came before', () => {
    const writer = new PackStreamWriter(8);
    const framer = new MessageFramer(writer);
    framer.begin();
    writer.writeStructHeader(0, 0x7e);
    framer.end();
    framer.begin();
    writer.writeStructHeader(1, 0x71);
    expect(() => packValue(writer, [new Map()], BOLT5)).toThrow();
    framer.abandon();
    expect(writer.take().toString('hex')).toBe('0002b07e0000');
  });

  it('delivers the same messages whatever the read boundaries, skipping NOOPs', () => {
    const stream = Buffer.from('0000' + '0003b170a00000' + '0000' + '0002b07e0000', 'hex');
    for (const size of [1, 2, 3, 5, stream.length]) {
      const messages: string[] = [];
      const dechunker = new Dechunker((m) => messages.push(m.toString('hex')));
      for (let offset = 0; offset < stream.length; offset += size) {
        dechunker.write(stream.subarray(offset, offset + size));
      }
      expect(messages).toEqual(['b170a0', 'b07e']);
    }
  });

  it('refuses a message larger than it will buffer', () => {
    const dechunker = new Dechunker(() => undefined);
    const chunk = Buffer.alloc(2 + 0xffff);
    chunk.writeUInt16BE(0xffff, 0);
    expect(() => {
      for (let sent = 0; sent <= MAX_MESSAGE_BYTES; sent += 0xffff) {
        dechunker.write(chunk);
      }
    }).toThrow(ChunkingError);
  });
});

describe('strict UTF-8 reading', () => {
  const strictRead = (field: Buffer) => {
    // A RUN: [query, {}, {}] with the query's bytes as given.
    const bytes = Buffer.concat([Buffer.from([0xb3, 0x10]), field, Buffer.from([0xa0, 0xa0])]);
    const reader = new PackStreamReader(bytes, createHydrator(BOLT5), { strictUtf8: true });
    const { message } = reader.readMessageLayout();
    return { reader, message };
  };

  it.each(INVALID_UTF8_CASES)('records where %s starts', (_form, bytes) => {
    const { reader } = strictRead(rawStringField(queryWithBytes(bytes)));
    // The string starts after the struct header and the String32 header; its bad bytes after `MATCH (n)`.
    expect(reader.invalidUtf8).toEqual({ stringStart: 2 + 5, at: 2 + 5 + 9 });
  });

  it('finds an invalid string inside a parameter map (key or value), after valid ones', () => {
    const key = rawStringField(Buffer.from([0x6b, 0xef, 0xbf, 0xbd, 0xc0, 0xa0])); // k, a genuine U+FFFD, overlong
    const params = Buffer.concat([Buffer.from([0xa1]), key, Buffer.from([0x01])]);
    const bytes = Buffer.concat([Buffer.from([0xb3, 0x10, 0x81, 0x61]), params, Buffer.from([0xa0])]);
    const reader = new PackStreamReader(bytes, createHydrator(BOLT5), { strictUtf8: true });
    reader.readMessageLayout();
    expect(reader.invalidUtf8).toEqual({ stringStart: 4 + 1 + 5, at: 4 + 1 + 5 + 4 });
  });

  it('accepts every valid form, a well-encoded U+FFFD included, and is lenient unless asked', () => {
    const valid = [
      'MATCH (n) RETURN n',
      'Größe 中 😀 \uFFFD',
      '\u0000\u007f\u0080\u07ff\u0800\uffff\u{10000}\u{10ffff}',
    ];
    for (const text of valid) {
      const { reader, message } = strictRead(rawStringField(Buffer.from(text, 'utf8')));
      expect(reader.invalidUtf8).toBeUndefined();
      expect(message.fields[0]).toBe(text);
    }
    const lenient = new PackStreamReader(
      Buffer.concat([Buffer.from([0xb3, 0x10]), rawStringField(Buffer.from([0xc0, 0xa0])), Buffer.from([0xa0, 0xa0])])
    );
    expect(lenient.readMessage().fields[0]).toBe('\uFFFD\uFFFD');
    expect(lenient.invalidUtf8).toBeUndefined();
  });
});
