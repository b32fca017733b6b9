// What the gateway encodes itself on the relayed stream: a RUN or BEGIN re-encoded in READ mode (the RUN with the
// checker's canonical text), and a FAILURE of Memgraph's replaced by one that points into the client's text.
import {
  mapField,
  MessageFramer,
  packValue,
  PackStreamWriter,
  responseTags,
  type BoltFailure,
  type ClientRequest,
  type Dialect,
} from '@opentruss/bolt-protocol';
import { readOnlyExtra } from './statement-policy';

export class ReEncoder {
  private readonly writer = new PackStreamWriter(1024);
  private readonly framer = new MessageFramer(this.writer);

  constructor(private readonly dialect: Dialect) {}

  failure({ code, message }: BoltFailure): Buffer {
    this.framer.begin();
    this.writer.writeStructHeader(1, responseTags.FAILURE);
    packValue(this.writer, { code, message }, this.dialect);
    this.framer.end();
    return this.writer.take();
  }

  /**
   * A RUN (extra at field 2) or BEGIN (field 0) re-encoded with READ mode and the time limit; a RUN's query replaced
   * by `query` (the canonical text); the fields between copied byte for byte.
   */
  readOnly(request: ClientRequest, extraIndex: number, queryTimeoutMs: number, query?: string): Buffer {
    const { tag, fieldStarts, bytes, fields } = request;
    const extra = readOnlyExtra(mapField(fields, extraIndex), queryTimeoutMs);
    const leading = query === undefined ? [] : [query];
    const verbatim = bytes.subarray(fieldStarts[leading.length], fieldStarts[extraIndex]);
    this.framer.begin();
    this.writer.writeStructHeader(Math.max(fields.length, extraIndex + 1), tag);
    leading.forEach((field) => packValue(this.writer, field, this.dialect));
    this.writer.writeRaw(verbatim);
    packValue(this.writer, extra, this.dialect);
    this.framer.end();
    return this.writer.take();
  }
}
