import neo4j from 'neo4j-driver';

import { MemgraphError } from '../model/memgraphError';
import { DeadlineExceeded, describeFailure, WEBSOCKET_HINT } from './errors';

const context = { url: 'bolt://db:7687', username: 'viewer', queryTimeoutSeconds: 30, maxConnections: 4 };
const driverError = (message: string, code: string) => new neo4j.Neo4jError(message, code, '50N42', 'error');

describe('describeFailure', () => {
  it('explains an unreachable server with the WebSocket / TLS / CSP hint', () => {
    const error = describeFailure(
      driverError(
        'WebSocket connection failure. Due to security constraints in your web browser, the reason for the failure is not available to this Neo4j Driver.',
        'ServiceUnavailable'
      ),
      context
    );
    expect(error.kind).toBe('unreachable');
    // The actionable sentence and the hint; the driver's long generic browser text only in the details.
    expect(error.message).toBe(`Cannot reach Memgraph at bolt://db:7687. ${WEBSOCKET_HINT}`);
    expect(error.details).toMatch(/^WebSocket connection failure\. Due to security constraints/);
    expect(WEBSOCKET_HINT).toContain('only without TLS');
    expect(WEBSOCKET_HINT).toContain('connect-src');
  });

  it('names missing parameters and server-side write refusals', () => {
    expect(
      describeFailure(
        driverError('Parameter $lot not provided.', 'Memgraph.ClientError.MemgraphError.MemgraphError'),
        context
      )
    ).toMatchObject({
      kind: 'missing-parameter',
      message: expect.stringContaining('Parameter $lot has no value.'),
    });
    expect(
      describeFailure(
        driverError(
          'Accessor type READ and query type WRITE are misaligned!',
          'Memgraph.ClientError.MemgraphError.MemgraphError'
        ),
        context
      ).kind
    ).toBe('write-refused');
  });

  it('tells a replica’s refusal of a write (Memgraph 3.12’s exact text) apart from other query errors', () => {
    const replicaSays =
      'Write queries are forbidden on the replica instance. Replica instances accept only read queries, while the ' +
      'main instance accepts read and write queries. Please retry your query on the main instance.';
    const error = describeFailure(driverError(replicaSays, 'Memgraph.ClientError.MemgraphError.MemgraphError'), context);
    expect(error.kind).toBe('write-refused');
    expect(error.message).toBe(
      'Memgraph refused this query as a write: the datasource reads a Memgraph REPLICA, where Memgraph itself runs ' +
        `only reads ("${replicaSays.replace(/\.$/, '')}"). This datasource only reads: change the query so that it only reads.`
    );
  });

  it('explains a pool that stayed busy', () => {
    const error = describeFailure(
      driverError('Connection acquisition timed out in 40000 ms. Pool status: …', 'N/A'),
      context
    );
    expect(error).toMatchObject({ kind: 'busy', message: expect.stringContaining('All 4 connections') });
  });

  it('a lost connection keeps the driver text out of the message', () => {
    const error = describeFailure(driverError('Connection was closed by server', 'ServiceUnavailable'), {
      ...context,
      rowsReceived: 12,
    });
    expect(error).toMatchObject({
      kind: 'disconnected',
      message:
        'The connection to Memgraph at bolt://db:7687 was lost after 12 rows. Refresh the panel once Memgraph is ' +
        'back; the next query reconnects by itself.',
      details: 'Connection was closed by server',
    });
  });

  it('tells a query that waited for a busy pool, or for its connection, from one Memgraph did not answer', () => {
    expect(describeFailure(new DeadlineExceeded(32_000, 'pool'), context)).toMatchObject({
      kind: 'busy',
      message: expect.stringMatching(
        /^All 4 connections this browser may open to Memgraph were busy .*"Maximum connections per browser"/
      ),
    });
    expect(describeFailure(new DeadlineExceeded(32_000, 'connection'), context)).toMatchObject({
      kind: 'unreachable',
      message: expect.stringContaining(
        'No connection to Memgraph at bolt://db:7687 was set up within the query timeout (30 s)'
      ),
    });
  });

  it('tells the browser-side deadline from the server timeout', () => {
    expect(describeFailure(new DeadlineExceeded(32_000), context)).toMatchObject({
      kind: 'timeout',
      message: expect.stringContaining('did not finish within the query timeout (30 s)'),
    });
  });

  it('keeps MemgraphErrors and wraps anything else', () => {
    const own = new MemgraphError('query', 'x');
    expect(describeFailure(own, context)).toBe(own);
    expect(describeFailure(new TypeError('boom'), context)).toMatchObject({
      kind: 'unexpected',
      message: 'The Memgraph query failed: boom.',
    });
  });
});
