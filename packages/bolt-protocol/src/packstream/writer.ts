// PackStream v1 primitives written into one growable buffer. The buffer is reused between flushes, so a
// long stream allocates per flush, not per value.
import { markers } from './markers';

const INITIAL_CAPACITY = 64 * 1024;
const INT32_MIN = -0x80000000;
const INT32_MAX = 0x7fffffff;

export class PackStreamWriter {
  private buffer: Buffer;
  private position = 0;

  constructor(initialCapacity = INITIAL_CAPACITY) {
    this.buffer = Buffer.allocUnsafe(initialCapacity);
  }

  get length(): number {
    return this.position;
  }

  /** Copies out everything written so far and starts over (keeping the buffer). */
  take(): Buffer {
    const out = Buffer.allocUnsafe(this.position);
    this.buffer.copy(out, 0, 0, this.position);
    this.position = 0;
    return out;
  }

  /** Moves the write position back, e.g. to drop a message that failed half-way. */
  truncate(length: number): void {
    this.position = length;
  }

  /** Bytes written since `start`, as a view (valid until the next write). */
  view(start: number, end = this.position): Buffer {
    return this.buffer.subarray(start, end);
  }

  writeNull(): void {
    this.writeUint8(markers.NULL);
  }

  writeBoolean(value: boolean): void {
    this.writeUint8(value ? markers.TRUE : markers.FALSE);
  }

  writeFloat(value: number): void {
    this.ensure(9);
    this.buffer[this.position] = markers.FLOAT_64;
    this.buffer.writeDoubleBE(value, this.position + 1);
    this.position += 9;
  }

  /** A safe JS integer (a bigint is converted by the caller when it needs all 64 bits). */
  writeInteger(value: number): void {
    if (value >= -16 && value <= 127) {
      this.writeUint8(value & 0xff);
    } else if (value >= -128 && value <= 127) {
      this.ensure(2);
      this.buffer[this.position] = markers.INT_8;
      this.buffer.writeInt8(value, this.position + 1);
      this.position += 2;
    } else if (value >= -32768 && value <= 32767) {
      this.ensure(3);
      this.buffer[this.position] = markers.INT_16;
      this.buffer.writeInt16BE(value, this.position + 1);
      this.position += 3;
    } else if (value >= INT32_MIN && value <= INT32_MAX) {
      this.ensure(5);
      this.buffer[this.position] = markers.INT_32;
      this.buffer.writeInt32BE(value, this.position + 1);
      this.position += 5;
    } else {
      this.writeInt64(BigInt(value));
    }
  }

  /** A 64-bit integer given as its two 32-bit halves (neo4j-driver's Integer layout). */
  writeIntegerHalves(high: number, low: number): void {
    if ((high === 0 && low >= 0) || (high === -1 && low < 0)) {
      this.writeInteger(low);
      return;
    }
    this.ensure(9);
    this.buffer[this.position] = markers.INT_64;
    this.buffer.writeInt32BE(high, this.position + 1);
    this.buffer.writeInt32BE(low, this.position + 5);
    this.position += 9;
  }

  writeBigInt(value: bigint): void {
    if (value >= -0x80000000n && value <= 0x7fffffffn) {
      this.writeInteger(Number(value));
    } else {
      this.writeInt64(value);
    }
  }

  writeString(value: string): void {
    // One pass: encode after room for the largest header (UTF-8 needs at most 3 bytes per UTF-16 unit),
    // then slide the bytes back next to the header their size calls for.
    this.ensure(value.length * 3 + 5);
    const start = this.position;
    const size = this.buffer.write(value, start + 5, 'utf8');
    const headerSize = size < 16 ? 1 : size <= 0xff ? 2 : size <= 0xffff ? 3 : 5;
    if (headerSize !== 5) {
      this.buffer.copyWithin(start + headerSize, start + 5, start + 5 + size);
    }
    this.writeSizedHeader(size, markers.TINY_STRING, markers.STRING_8, markers.STRING_16, markers.STRING_32);
    this.position = start + headerSize + size;
  }

  /** Int8Array is what neo4j-driver uses for bytes; Uint8Array/Buffer are accepted too. */
  writeBytes(value: Int8Array | Uint8Array): void {
    const size = value.byteLength;
    this.ensure(size + 5);
    if (size <= 0xff) {
      this.buffer[this.position++] = markers.BYTES_8;
      this.buffer[this.position++] = size;
    } else if (size <= 0xffff) {
      this.buffer[this.position] = markers.BYTES_16;
      this.buffer.writeUInt16BE(size, this.position + 1);
      this.position += 3;
    } else {
      this.buffer[this.position] = markers.BYTES_32;
      this.buffer.writeUInt32BE(size, this.position + 1);
      this.position += 5;
    }
    this.buffer.set(new Uint8Array(value.buffer, value.byteOffset, size), this.position);
    this.position += size;
  }

  writeListHeader(size: number): void {
    this.writeSizedHeader(size, markers.TINY_LIST, markers.LIST_8, markers.LIST_16, markers.LIST_32);
  }

  writeMapHeader(size: number): void {
    this.writeSizedHeader(size, markers.TINY_MAP, markers.MAP_8, markers.MAP_16, markers.MAP_32);
  }

  writeStructHeader(fieldCount: number, tag: number): void {
    if (fieldCount > 15) {
      throw new RangeError(`PackStream structures hold at most 15 fields, got ${fieldCount}`);
    }
    this.ensure(2);
    this.buffer[this.position++] = markers.TINY_STRUCT | fieldCount;
    this.buffer[this.position++] = tag;
  }

  writeUint8(value: number): void {
    this.ensure(1);
    this.buffer[this.position++] = value;
  }

  writeUint16(value: number): void {
    this.ensure(2);
    this.buffer.writeUInt16BE(value, this.position);
    this.position += 2;
  }

  /** Writes a uint16 at an earlier position (chunk headers are filled in once the size is known). */
  patchUint16(position: number, value: number): void {
    this.buffer.writeUInt16BE(value, position);
  }

  writeRaw(bytes: Uint8Array): void {
    this.ensure(bytes.byteLength);
    this.buffer.set(bytes, this.position);
    this.position += bytes.byteLength;
  }

  private writeInt64(value: bigint): void {
    if (value < -0x8000000000000000n || value > 0x7fffffffffffffffn) {
      throw new RangeError(`integer ${value} does not fit in 64 bits`);
    }
    this.ensure(9);
    this.buffer[this.position] = markers.INT_64;
    this.buffer.writeBigInt64BE(value, this.position + 1);
    this.position += 9;
  }

  private writeSizedHeader(size: number, tiny: number, marker8: number, marker16: number, marker32: number): void {
    this.ensure(5);
    if (size < 16) {
      this.buffer[this.position++] = tiny | size;
    } else if (size <= 0xff) {
      this.buffer[this.position++] = marker8;
      this.buffer[this.position++] = size;
    } else if (size <= 0xffff) {
      this.buffer[this.position] = marker16;
      this.buffer.writeUInt16BE(size, this.position + 1);
      this.position += 3;
    } else {
      this.buffer[this.position] = marker32;
      this.buffer.writeUInt32BE(size, this.position + 1);
      this.position += 5;
    }
  }

  private ensure(extra: number): void {
    const needed = this.position + extra;
    if (needed <= this.buffer.length) {
      return;
    }
    let capacity = this.buffer.length * 2;
    while (capacity < needed) {
      capacity *= 2;
    }
    const grown = Buffer.allocUnsafe(capacity);
    this.buffer.copy(grown, 0, 0, this.position);
    this.buffer = grown;
  }
}
