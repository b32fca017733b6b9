// A Bolt test server in its own process (so its heap is measured alone) streaming `rows` generated rows of six
// columns. Reports its port when ready; on "report" sends its memory baseline and peak, then stops.
import { startBoltTestServer } from '../../src';
import { STREAM_QUERY } from './streaming-query';

const rows = Number(process.argv[2] ?? '1000000');

function send(message: unknown): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const server = await startBoltTestServer({
    responders: [
      {
        match: STREAM_QUERY,
        fields: ['seq', 'id', 'confidence', 'verified', 'status', 'level'],
        *records() {
          for (let i = 0; i < rows; i++) {
            yield [BigInt(i), `element-${i}`, (i % 1000) / 1000, i % 3 === 0, i % 2 === 0 ? 'Verified' : 'Draft', `L${i % 40}`];
          }
        },
      },
    ],
  });
  // JS heap plus Buffers (which live outside the heap): what holding rows or encoded bytes would grow.
  const used = () => {
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    return heapUsed + arrayBuffers;
  };
  global.gc?.();
  const baseline = used();
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, used());
  }, 10);
  process.on('message', (message) => {
    if (message === 'report') {
      clearInterval(sampler);
      send({ baseline, peak, runs: server.runs.map((r) => ({ outcome: r.outcome, recordsSent: r.recordsSent })) });
      void server.stop().then(() => process.exit(0));
    }
  });
  send({ port: server.port });
}

void main();
