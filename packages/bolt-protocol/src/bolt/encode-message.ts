// One request or response message, PackStream-encoded and chunked: what a client writes (the Bolt client, test
// helpers building exact bytes). Servers that stream many messages into one buffer use MessageFramer directly.
import { BOLT5, packValue, type Dialect } from '../packstream/values';
import { PackStreamWriter } from '../packstream/writer';
import { MessageFramer } from './message-framer';

/** How one field is written; a test may write some fields as raw bytes no encoder would produce. */
export type FieldPacker = (writer: PackStreamWriter, field: unknown, dialect: Dialect) => void;

export function encodeMessage(tag: number, fields: readonly unknown[], dialect: Dialect = BOLT5, packField: FieldPacker = packValue): Buffer {
  const writer = new PackStreamWriter(256);
  const framer = new MessageFramer(writer);
  framer.begin();
  writer.writeStructHeader(fields.length, tag);
  fields.forEach((field) => packField(writer, field, dialect));
  framer.end();
  return writer.take();
}
