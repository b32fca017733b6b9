// The scanner passes Memgraph's bytes through as they come, except a FAILURE, which it holds until complete so the
// relay may replace it: whatever way the stream is split, the output is the input with only FAILUREs replaced.
import { responseTags } from '../src/bolt/messages';
import { ResponseScanner, type ScannedMessage } from '../src/bolt/response-scanner';
import { message } from '@opentruss/bolt-testing';

const framed = (tag: number, fields: unknown[]): Buffer => message(tag, ...fields);

const NOOP = Buffer.from([0, 0]);
const FAILURE = framed(responseTags.FAILURE, [{ code: 'Memgraph.ClientError.MemgraphError.MemgraphError', message: 'Error on line 1 position 5' }]);
const REPLACEMENT = framed(responseTags.FAILURE, [{ code: 'X', message: 'replaced' }]);
const STREAM = Buffer.concat([
  framed(responseTags.SUCCESS, [{ fields: ['x'] }]),
  framed(responseTags.RECORD, [['a'.repeat(300)]]),
  NOOP,
  framed(responseTags.RECORD, [[1]]),
  framed(responseTags.SUCCESS, [{ has_more: false }]),
  FAILURE,
  NOOP,
  framed(responseTags.IGNORED, []),
]);

function scan(pieces: Buffer[], replace: boolean): { out: Buffer; tags: number[] } {
  const tags: number[] = [];
  const scanner = new ResponseScanner((message: ScannedMessage) => {
    tags.push(message.tag);
    return replace && message.tag === responseTags.FAILURE ? REPLACEMENT : undefined;
  }, 1 << 20);
  const out: Buffer[] = [];
  for (const piece of pieces) {
    // The transport may reuse its buffer: what the scanner keeps must be its own copy.
    const reused = Buffer.from(piece);
    out.push(...scanner.write(reused).map((b) => Buffer.from(b)));
    reused.fill(0xee);
  }
  return { out: Buffer.concat(out), tags };
}

function splits(bytes: Buffer, size: number): Buffer[] {
  const pieces: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) {
    pieces.push(bytes.subarray(i, i + size));
  }
  return pieces;
}

const TAGS = [responseTags.SUCCESS, responseTags.RECORD, responseTags.RECORD, responseTags.SUCCESS, responseTags.FAILURE, responseTags.IGNORED];

it.each([1, 2, 3, 7, 64, 100_000])('split into %i-byte pieces: passes every byte, replaces only the FAILURE', (size) => {
  expect(scan(splits(STREAM, size), false)).toEqual({ out: STREAM, tags: TAGS });
  const replaced = Buffer.concat([STREAM.subarray(0, STREAM.indexOf(FAILURE)), REPLACEMENT, STREAM.subarray(STREAM.indexOf(FAILURE) + FAILURE.length)]);
  expect(scan(splits(STREAM, size), true)).toEqual({ out: replaced, tags: TAGS });
});

/** The message re-framed in chunks of `size` bytes (Bolt allows any chunk size). */
function rechunked(message: Buffer, size: number): Buffer {
  const body = message.subarray(2, message.length - 2); // one chunk: header, body, 00 00
  const parts: Buffer[] = [];
  for (let i = 0; i < body.length; i += size) {
    const chunk = body.subarray(i, i + size);
    parts.push(Buffer.from([chunk.length >> 8, chunk.length & 0xff]), chunk);
  }
  return Buffer.concat([...parts, Buffer.from([0, 0])]);
}

it('holds a FAILURE framed in several chunks until it ends', () => {
  const chunked = rechunked(framed(responseTags.FAILURE, [{ code: 'c', message: 'm'.repeat(40) }]), 1);
  expect(chunked.length).toBeGreaterThan(100);
  const scanner = new ResponseScanner(() => REPLACEMENT, 1 << 20);
  expect(Buffer.concat(scanner.write(chunked.subarray(0, chunked.length - 2)))).toEqual(Buffer.alloc(0));
  expect(Buffer.concat(scanner.write(chunked.subarray(chunked.length - 2)))).toEqual(REPLACEMENT);
});
