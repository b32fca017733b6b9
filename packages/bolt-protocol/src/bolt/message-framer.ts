// Bolt chunking, sending side: messages are PackStream-encoded straight into the output buffer behind a
// reserved chunk header, which is filled in once the size is known. Only a message over 65,535 bytes is
// re-laid out into several chunks.
import type { PackStreamWriter } from '../packstream/writer';

const MAX_CHUNK = 0xffff;

export class MessageFramer {
  private messageStart = -1;

  constructor(private readonly writer: PackStreamWriter) {}

  begin(): void {
    this.messageStart = this.writer.length;
    this.writer.writeUint16(0);
  }

  end(): void {
    const start = this.messageStart;
    const bodyStart = start + 2;
    const bodySize = this.writer.length - bodyStart;
    this.messageStart = -1;
    if (bodySize <= MAX_CHUNK) {
      this.writer.patchUint16(start, bodySize);
    } else {
      const body = Buffer.from(this.writer.view(bodyStart));
      this.writer.truncate(start);
      for (let offset = 0; offset < body.length; offset += MAX_CHUNK) {
        const chunk = body.subarray(offset, Math.min(offset + MAX_CHUNK, body.length));
        this.writer.writeUint16(chunk.length);
        this.writer.writeRaw(chunk);
      }
    }
    this.writer.writeUint16(0);
  }

  /** Drops a message that failed half-way (e.g. a value that cannot be encoded). */
  abandon(): void {
    if (this.messageStart >= 0) {
      this.writer.truncate(this.messageStart);
      this.messageStart = -1;
    }
  }
}

/** Chunks an already encoded message (a relay passing a request on unchanged). */
export function frameMessage(body: Buffer): Buffer {
  const chunks = Math.max(1, Math.ceil(body.length / MAX_CHUNK));
  const out = Buffer.allocUnsafe(body.length + chunks * 2 + 2);
  let position = 0;
  for (let offset = 0; offset < body.length || position === 0; offset += MAX_CHUNK) {
    const size = Math.min(MAX_CHUNK, body.length - offset);
    out.writeUInt16BE(size, position);
    body.copy(out, position + 2, offset, offset + size);
    position += 2 + size;
  }
  out.writeUInt16BE(0, position);
  return out;
}
