// PackStream v1 decoding of one message's bytes. Structures come out as `Structure` (tag + raw fields);
// turning them into driver values is the job of `values.ts`, which knows the Bolt version's shapes.
import { isUtf8 } from 'node:buffer';
import { Integer } from 'neo4j-driver-core';
import { setEntry } from './safe-object';
import { markers } from './markers';

export class Structure {
  constructor(
    readonly tag: number,
    readonly fields: unknown[]
  ) {}
}

export class PackStreamError extends Error {}

export type StructureHydrator = (structure: Structure) => unknown;

export interface PackStreamReaderOptions {
  /**
   * Record the first string that is not valid UTF-8 (overlong forms, encoded surrogates, truncated sequences, code
   * points above U+10FFFF) in `invalidUtf8`, instead of accepting the replacement characters of a lenient decode
   * without a trace. The string still decodes (leniently), so the caller can answer the message.
   */
  strictUtf8?: boolean;
}

/** Where the first ill-formed string of a message is: its first byte, and its first ill-formed byte. */
export interface InvalidUtf8 {
  stringStart: number;
  at: number;
}

const REPLACEMENT_CHARACTER = '\uFFFD';

export class PackStreamReader {
  private position = 0;
  private readonly strictUtf8: boolean;
  /** Strict mode: the first string that is not valid UTF-8 (offsets in the buffer). */
  invalidUtf8?: InvalidUtf8;

  constructor(
    private readonly buffer: Buffer,
    private readonly hydrate: StructureHydrator = (s) => s,
    options: PackStreamReaderOptions = {}
  ) {
    this.strictUtf8 = options.strictUtf8 ?? false;
  }

  get remaining(): number {
    return this.buffer.length - this.position;
  }

  read(): unknown {
    const marker = this.readUint8();
    if (marker <= 0x7f) {
      return Integer.fromInt(marker);
    }
    if (marker >= 0xf0) {
      return Integer.fromInt(marker - 0x100);
    }
    const high = marker & 0xf0;
    const low = marker & 0x0f;
    switch (high) {
      case markers.TINY_STRING:
        return this.readString(low);
      case markers.TINY_LIST:
        return this.readList(low);
      case markers.TINY_MAP:
        return this.readMap(low);
      case markers.TINY_STRUCT:
        return this.readStructure(low);
    }
    switch (marker) {
      case markers.NULL:
        return null;
      case markers.TRUE:
        return true;
      case markers.FALSE:
        return false;
      case markers.FLOAT_64:
        return this.take(8).readDoubleBE(0);
      case markers.INT_8:
        return Integer.fromInt(this.take(1).readInt8(0));
      case markers.INT_16:
        return Integer.fromInt(this.take(2).readInt16BE(0));
      case markers.INT_32:
        return Integer.fromInt(this.take(4).readInt32BE(0));
      case markers.INT_64: {
        const bytes = this.take(8);
        return Integer.fromBits(bytes.readInt32BE(4), bytes.readInt32BE(0));
      }
      case markers.BYTES_8:
        return this.readBytes(this.readUint8());
      case markers.BYTES_16:
        return this.readBytes(this.take(2).readUInt16BE(0));
      case markers.BYTES_32:
        return this.readBytes(this.take(4).readUInt32BE(0));
      case markers.STRING_8:
        return this.readString(this.readUint8());
      case markers.STRING_16:
        return this.readString(this.take(2).readUInt16BE(0));
      case markers.STRING_32:
        return this.readString(this.take(4).readUInt32BE(0));
      case markers.LIST_8:
        return this.readList(this.readUint8());
      case markers.LIST_16:
        return this.readList(this.take(2).readUInt16BE(0));
      case markers.LIST_32:
        return this.readList(this.take(4).readUInt32BE(0));
      case markers.MAP_8:
        return this.readMap(this.readUint8());
      case markers.MAP_16:
        return this.readMap(this.take(2).readUInt16BE(0));
      case markers.MAP_32:
        return this.readMap(this.take(4).readUInt32BE(0));
    }
    throw new PackStreamError(`unknown PackStream marker 0x${marker.toString(16).padStart(2, '0')}`);
  }

  /** A message is one structure: its tag and its fields (hydrated like any other value). */
  readMessage(): Structure {
    return this.readMessageLayout().message;
  }

  /**
   * The message and where each field starts in the buffer (`fieldStarts[i]`; the last entry is the end), so a
   * relay can re-encode one field and copy the others byte for byte.
   */
  readMessageLayout(): { message: Structure; fieldStarts: number[] } {
    const marker = this.readUint8();
    if ((marker & 0xf0) !== markers.TINY_STRUCT) {
      throw new PackStreamError(`a message must be a structure, got marker 0x${marker.toString(16)}`);
    }
    const tag = this.readUint8();
    const count = marker & 0x0f;
    const fields = new Array<unknown>(count);
    const fieldStarts: number[] = [];
    for (let i = 0; i < count; i++) {
      fieldStarts.push(this.position);
      fields[i] = this.read();
    }
    fieldStarts.push(this.position);
    if (this.remaining !== 0) {
      throw new PackStreamError(`${this.remaining} bytes left over after the message`);
    }
    return { message: new Structure(tag, fields), fieldStarts };
  }

  private readStructure(fieldCount: number): unknown {
    const tag = this.readUint8();
    return this.hydrate(new Structure(tag, this.readValues(fieldCount)));
  }

  private readValues(count: number): unknown[] {
    const values = new Array<unknown>(count);
    for (let i = 0; i < count; i++) {
      values[i] = this.read();
    }
    return values;
  }

  private readList(size: number): unknown[] {
    return this.readValues(size);
  }

  private readMap(size: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    for (let i = 0; i < size; i++) {
      const key = this.read();
      if (typeof key !== 'string') {
        throw new PackStreamError(`map keys must be strings, got ${typeof key}`);
      }
      setEntry(map, key, this.read());
    }
    return map;
  }

  /** Bytes as an Int8Array, the type neo4j-driver uses for Bolt bytes (a copy: the buffer is reused). */
  private readBytes(size: number): Int8Array {
    const slice = this.take(size);
    const bytes = new Int8Array(size);
    bytes.set(new Int8Array(slice.buffer, slice.byteOffset, size));
    return bytes;
  }

  private readString(size: number): string {
    const end = this.position + size;
    this.check(size);
    const value = this.buffer.toString('utf8', this.position, end);
    // Node's decoder replaces every ill-formed sequence with U+FFFD, so a string without one was valid: the byte
    // check runs only for the rare string that holds one (which may also be a genuine, well-encoded U+FFFD).
    if (
      this.strictUtf8 &&
      this.invalidUtf8 === undefined &&
      value.includes(REPLACEMENT_CHARACTER) &&
      !isUtf8(this.buffer.subarray(this.position, end))
    ) {
      const at = this.position + firstIllFormedByte(this.buffer.subarray(this.position, end), value);
      this.invalidUtf8 = { stringStart: this.position, at };
    }
    this.position = end;
    return value;
  }

  private readUint8(): number {
    this.check(1);
    return this.buffer[this.position++];
  }

  private take(size: number): Buffer {
    this.check(size);
    const slice = this.buffer.subarray(this.position, this.position + size);
    this.position += size;
    return slice;
  }

  private check(size: number): void {
    if (this.position + size > this.buffer.length) {
      throw new PackStreamError(`message truncated: needed ${size} more bytes at offset ${this.position}`);
    }
  }
}

/**
 * The offset of the first ill-formed sequence in `bytes`, given their lenient decoding: every code point but an
 * inserted U+FFFD stands for its own UTF-8 bytes, and a genuine U+FFFD is EF BF BD.
 */
function firstIllFormedByte(bytes: Buffer, decoded: string): number {
  let offset = 0;
  for (const char of decoded) {
    if (
      char === REPLACEMENT_CHARACTER &&
      !(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)
    ) {
      return offset;
    }
    offset += Buffer.byteLength(char, 'utf8');
  }
  return offset;
}
