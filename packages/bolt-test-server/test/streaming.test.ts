// A million records of six columns, streamed from a generator by a server in its own process, whose heap is
// capped far below what the rows would need if they were held (about 216 MB for these rows, measured with
// --expose-gc; see README), and whose peak memory (JS heap + Buffers) is measured while it streams.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { openDriver, type Channel } from '@opentruss/bolt-testing';
import { STREAM_QUERY } from './support/streaming-query';

const ROWS = 1_000_000;
const HEAP_CAP_MB = 96;
const EXPECTED_SEQ_SUM = (BigInt(ROWS) * BigInt(ROWS - 1)) / 2n;

interface Report {
  baseline: number;
  peak: number;
  runs: Array<{ outcome: string; recordsSent: number }>;
}

let child: ChildProcess;
let port: number;

function nextMessage<T>(timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('streaming server did not answer')), timeoutMs);
    child.once('message', (message) => {
      clearTimeout(timer);
      resolve(message as T);
    });
    child.once('exit', (code) => reject(new Error(`streaming server exited with ${code}`)));
  });
}

beforeAll(async () => {
  child = fork(path.join(__dirname, 'support/streaming-server.ts'), [String(ROWS)], {
    execArgv: ['--import', 'tsx', `--max-old-space-size=${HEAP_CAP_MB}`, '--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  ({ port } = await nextMessage<{ port: number }>(30000));
}, 40000);

afterAll(() => {
  if (child.exitCode === null) {
    child.kill();
  }
});

async function streamAll(channel: Channel, fetchSize: number): Promise<{ count: number; seqSum: bigint; last: unknown[] }> {
  const driver: Driver = openDriver(channel, `bolt://127.0.0.1:${port}`, 'u', 'p', { fetchSize });
  const session = driver.session();
  let count = 0;
  let seqSum = 0n;
  let last: unknown[] = [];
  try {
    for await (const record of session.run(STREAM_QUERY)) {
      count++;
      seqSum += BigInt(record.get('seq').toString());
      if (count === ROWS) {
        last = Array.from(record.values());
      }
    }
  } finally {
    await session.close();
    await driver.close();
  }
  return { count, seqSum, last };
}

const expectedLast = [`element-${ROWS - 1}`, ((ROWS - 1) % 1000) / 1000, (ROWS - 1) % 3 === 0, 'Draft', `L${(ROWS - 1) % 40}`];

// Batches of 1000 (the driver's default) over TCP; one PULL for everything over WebSocket, so the server's
// own flushing and waiting on a full channel carry the whole stream.
it.each([
  ['tcp', 1000],
  ['websocket', -1],
] as Array<[Channel, number]>)('streams 1,000,000 records over %s with fetch size %d, every value intact', async (channel, fetchSize) => {
  const { count, seqSum, last } = await streamAll(channel, fetchSize);
  expect(count).toBe(ROWS);
  expect(seqSum).toBe(EXPECTED_SEQ_SUM);
  expect(String(last[0])).toBe(String(ROWS - 1));
  expect(last.slice(1)).toEqual(expectedLast);
}, 180000);

it('kept its memory bounded while streaming them', async () => {
  child.send('report');
  const report = await nextMessage<Report>(10000);
  expect(report.runs).toEqual([
    { outcome: 'completed', recordsSent: ROWS },
    { outcome: 'completed', recordsSent: ROWS },
  ]);
  const growthMb = (report.peak - report.baseline) / 1024 / 1024;
  // Garbage between collections included; holding the rows would need ~216 MB (and could not fit the heap cap),
  // holding their encoded bytes ~45 MB per stream.
  expect(growthMb).toBeLessThan(64);
});
