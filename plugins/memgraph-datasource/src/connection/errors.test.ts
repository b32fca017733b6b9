import neo4j from 'neo4j-driver';

import { DeadlineExceeded, describeFailure, MemgraphError, WEBSOCKET_HINT } from './errors';

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
    expect(error.message).toContain('Cannot reach Memgraph at bolt://db:7687 (WebSocket connection failure.');
    expect(error.message).toContain(WEBSOCKET_HINT);
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

  it('explains a pool that stayed busy', () => {
    const error = describeFailure(
      driverError('Connection acquisition timed out in 40000 ms. Pool status: …', 'N/A'),
      context
    );
    expect(error).toMatchObject({ kind: 'busy', message: expect.stringContaining('All 4 connections') });
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
