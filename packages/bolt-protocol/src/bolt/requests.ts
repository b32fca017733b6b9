// A client's request as a server reads it off the channel: the decoded message, where each field starts (so a
// relay can re-encode one field and copy the others byte for byte), the bytes it came in, and in strict mode the
// first string that was not valid UTF-8.
import { PackStreamReader, type InvalidUtf8 } from '../packstream/reader';
import { createHydrator } from '../packstream/hydrate';
import type { Dialect } from '../packstream/values';
import { requestTypes, type RequestType } from './messages';

export interface ClientRequest {
  readonly tag: number;
  readonly type: RequestType;
  readonly fields: unknown[];
  readonly fieldStarts: number[];
  /** The message's PackStream bytes (unchunked). */
  readonly bytes: Buffer;
  /** Strict decoding only: the first string that is not valid UTF-8 (it decoded leniently). */
  readonly invalidUtf8?: InvalidUtf8;
}

/** Decodes one unchunked message; throws PackStreamError when it is not a PackStream structure. */
export function decodeRequest(bytes: Buffer, dialect: Dialect, strictUtf8 = false): ClientRequest {
  const reader = new PackStreamReader(bytes, createHydrator(dialect), { strictUtf8 });
  const { message, fieldStarts } = reader.readMessageLayout();
  const type = requestTypes[message.tag] ?? 'UNKNOWN';
  return { tag: message.tag, type, fields: message.fields, fieldStarts, bytes, invalidUtf8: reader.invalidUtf8 };
}

/** The map at `index` (HELLO's extra, PULL's `{n}`, …), empty when the client sent something else. */
export function mapField(fields: readonly unknown[], index: number): Record<string, unknown> {
  const value = fields[index];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
