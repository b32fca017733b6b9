// Cancellation in the browser: a slow query abandoned for a new one (re-run in the editor, a dashboard refresh)
// or by leaving the page stops on the server — its run ends discarded, reset or disconnected, no stream or
// transaction stays open, and the connection is given back (or closed with the page).
import type { BoltTestServer, RunRecord } from '@opentruss/bolt-test-server';
import { DATASOURCE_UIDS } from '@opentruss/contract';
import neo4j from 'neo4j-driver';

import { browserSession, memgraphDatasource } from '../src/harness/e2eSession';
import { clearEditor } from '../src/harness/monaco';
import { showQueryEditor, workbenchArea } from '../src/harness/workbench';
import { serveOpenTrussMemgraph } from '../src/memgraph/opentrussMemgraph';

const session = browserSession('cancellation');
const MEMGRAPH = DATASOURCE_UIDS.memgraph;
/** Small pulls so a slow stream is many round trips (the datasource's fetch size setting). */
const FETCH_SIZE = 5;
const SLOW = 'MATCH (e:Element) RETURN e.id AS id';
const FAST = "MATCH (l:InspectionLot) WHERE l.status = 'SUBMITTED' RETURN count(l) AS pending";
/** The outcomes of a run the client stopped (DISCARD, RESET, or the socket closed). */
const STOPPED = ['discarded', 'reset', 'disconnected'];

function serveSlowElements(bolt: BoltTestServer): void {
  bolt.addResponder({
    name: 'endless elements, one batch every 200 ms',
    match: SLOW,
    fields: ['id'],
    records: function* endless() {
      for (let i = 0; ; i++) {
        yield [`element-${i}`];
      }
    },
    batchDelayMs: 200,
  });
  bolt.addResponder({ name: 'pending lots', match: FAST, fields: ['pending'], records: [[neo4j.int(7)]] });
}

/** The newest run of `query` once it is streaming rows to the browser. */
async function streamingRun(query: string, after: number): Promise<RunRecord> {
  const isStreaming = (r: RunRecord) => r.query === query && r.outcome === 'streaming' && r.recordsSent > FETCH_SIZE;
  await session.bolt.waitFor((s) => s.runs.slice(after).some(isStreaming), 15_000);
  return session.bolt.runs.slice(after).find(isStreaming)!;
}

/** Waits until `run` was stopped and nothing is left running on the server. */
async function expectStoppedOnServer(run: RunRecord): Promise<void> {
  await session.bolt.waitFor(
    (s) => STOPPED.includes(run.outcome) && s.stats().activeStreams === 0 && s.stats().openTransactions === 0,
    15_000
  );
}

session.prepare(async () => {
  serveOpenTrussMemgraph(session.bolt);
  serveSlowElements(session.bolt);
  session.host.setDatasources([memgraphDatasource(session.bolt, { fetchSize: FETCH_SIZE })]);
  await session.open();
});

describe('a slow query abandoned for a new one stops on the server', () => {
  session.test(
    're-running in the query editor: the old run is discarded, its connection goes back to the pool',
    async () => {
      const page = session.page;
      const editor = await showQueryEditor(session, MEMGRAPH, SLOW, { format: 'table' });
      const runsBefore = session.bolt.runs.length;
      await page.getByTestId('memgraph-run-query').click();
      const slow = await streamingRun(SLOW, runsBefore);
      expect(slow.transport).toBe('websocket');
      await page.locator('[data-testid="e2e-frames"][data-state="Loading"]').waitFor({ state: 'attached' });
      await session.screenshot('01-slow-query-running', workbenchArea(session));

      await clearEditor(page, editor);
      await page.keyboard.insertText(FAST);
      await page.keyboard.press('Control+Enter');
      await page.locator('[data-testid="e2e-frames"][data-state="Done"]').getByText('7', { exact: true }).waitFor();
      await expectStoppedOnServer(slow);
      expect(slow.outcome).toBe('discarded');
      // DISCARD at the next batch, then ROLLBACK of the READ transaction, on the same connection — which stays open.
      const after = session.bolt.messages.filter(
        (m) => m.connectionId === slow.connectionId && m.receivedAt >= slow.receivedAt
      );
      const types = after.map((m) => m.type);
      expect(types).toContain('DISCARD');
      expect(types.indexOf('ROLLBACK')).toBeGreaterThan(types.indexOf('DISCARD'));
      expect(session.bolt.connections.find((c) => c.connectionId === slow.connectionId)?.open).toBe(true);
      const fast = session.bolt.runs.filter((r) => r.query === FAST).at(-1)!;
      expect(fast.outcome).toBe('completed');
      await session.screenshot('02-replaced-by-the-new-query', workbenchArea(session));
    }
  );

  session.test('a dashboard refresh while the panel still loads: the old run stops, the new one streams', async () => {
    const runsBefore = session.bolt.runs.length;
    const request = { datasourceUid: MEMGRAPH, targets: [{ refId: 'A', cypher: SLOW, format: 'table' } as never] };
    await session.call((e2e, arg) => e2e.startPanel('elements', arg), request);
    const first = await streamingRun(SLOW, runsBefore);
    await session.call((e2e, arg) => e2e.startPanel('elements', arg), request);
    await session.bolt.waitFor((s) => s.runs.slice(runsBefore).filter((r) => r.query === SLOW).length === 2, 15_000);
    await session.bolt.waitFor(() => STOPPED.includes(first.outcome), 15_000);
    expect(first.outcome).toBe('discarded');
    const second = session.bolt.runs.slice(runsBefore).filter((r) => r.query === SLOW)[1];
    await session.bolt.waitFor(() => second.recordsSent > FETCH_SIZE, 15_000);
    expect(second.outcome).toBe('streaming');
    expect(session.bolt.stats().activeStreams).toBe(1);

    // Then the viewer leaves the page: the browser closes its WebSockets and the server stops the stream.
    await session.page.goto('about:blank');
    await session.bolt.waitFor((s) => s.stats().openConnections === 0 && s.stats().activeStreams === 0, 15_000);
    expect(STOPPED).toContain(second.outcome);
    expect(session.bolt.stats().openTransactions).toBe(0);
  });
});
