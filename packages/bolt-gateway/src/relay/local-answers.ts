// Messages the gateway answers itself (login, refusals, IGNORED behind them), encoded like Memgraph's.
import {
  MessageFramer,
  packValue,
  PackStreamWriter,
  responseTags,
  type BoltFailure,
  type Dialect,
} from '@opentruss/bolt-protocol';

export class LocalAnswers {
  private readonly writer = new PackStreamWriter(1024);
  private readonly framer = new MessageFramer(this.writer);

  constructor(private readonly dialect: Dialect) {}

  success(metadata: Record<string, unknown>): Buffer {
    return this.message(responseTags.SUCCESS, [metadata]);
  }

  failure({ code, message }: BoltFailure): Buffer {
    return this.message(responseTags.FAILURE, [{ code, message }]);
  }

  ignored(): Buffer {
    return this.message(responseTags.IGNORED, []);
  }

  /**
   * A request re-encoded after its extra changed: `leading` fields encoded anew (a RUN's canonical query), the
   * fields between copied byte for byte.
   */
  request(tag: number, fieldCount: number, verbatim: Buffer, lastField: unknown, leading: unknown[] = []): Buffer {
    this.framer.begin();
    this.writer.writeStructHeader(fieldCount, tag);
    leading.forEach((field) => packValue(this.writer, field, this.dialect));
    this.writer.writeRaw(verbatim);
    packValue(this.writer, lastField, this.dialect);
    this.framer.end();
    return this.writer.take();
  }

  private message(tag: number, fields: unknown[]): Buffer {
    this.framer.begin();
    this.writer.writeStructHeader(fields.length, tag);
    fields.forEach((field) => packValue(this.writer, field, this.dialect));
    this.framer.end();
    return this.writer.take();
  }
}
