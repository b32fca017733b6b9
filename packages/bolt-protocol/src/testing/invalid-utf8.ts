// Byte sequences that are not UTF-8 (RFC 3629 §3, the Unicode Standard's table 3-7), one of each form, each inside
// otherwise valid query text; and a raw RUN whose query field carries such bytes (no driver can send them).
import { MessageFramer } from '../bolt/message-framer';
import { BOLT5, packValue } from '../packstream/values';
import { PackStreamWriter } from '../packstream/writer';

export const INVALID_UTF8_CASES: Array<[form: string, bytes: number[]]> = [
  ['overlong space (C0 A0, which a lenient decoder may read as a space)', [0xc0, 0xa0]],
  ['overlong slash (E0 80 AF)', [0xe0, 0x80, 0xaf]],
  ['overlong four-byte form (F0 80 80 A0)', [0xf0, 0x80, 0x80, 0xa0]],
  ['encoded high surrogate (ED A0 80)', [0xed, 0xa0, 0x80]],
  ['encoded low surrogate (ED BF BF)', [0xed, 0xbf, 0xbf]],
  ['truncated three-byte sequence (E2 82)', [0xe2, 0x82]],
  ['lone continuation byte (80)', [0x80]],
  ['code point above U+10FFFF (F4 90 80 80)', [0xf4, 0x90, 0x80, 0x80]],
  ['five-byte form (F8 88 80 80 80)', [0xf8, 0x88, 0x80, 0x80, 0x80]],
  ['byte FF', [0xff]],
];

/** `MATCH (n)<bytes>RETURN n` as raw bytes. */
export function queryWithBytes(bytes: number[]): Buffer {
  return Buffer.concat([Buffer.from('MATCH (n)'), Buffer.from(bytes), Buffer.from('RETURN n')]);
}

/** A string field whose bytes are given as they are (a String32 header, so any length fits). */
export function rawStringField(bytes: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header[0] = 0xd2;
  header.writeUInt32BE(bytes.length, 1);
  return Buffer.concat([header, bytes]);
}

/** One chunked message whose fields are given as encoded bytes or as values to pack. */
export function messageWithRawFields(tag: number, ...fields: Array<Buffer | unknown>): Buffer {
  const writer = new PackStreamWriter();
  const framer = new MessageFramer(writer);
  framer.begin();
  writer.writeStructHeader(fields.length, tag);
  fields.forEach((field) => (Buffer.isBuffer(field) ? writer.writeRaw(field) : packValue(writer, field, BOLT5)));
  framer.end();
  return writer.take();
}
