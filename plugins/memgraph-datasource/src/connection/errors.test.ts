import { gatewayErrorCodes } from '@opentruss/contract';
import neo4j from 'neo4j-driver';

import { MemgraphError } from '../model/memgraphError';
import { useLanguage } from '../testing/language';
import { DeadlineExceeded, describeFailure, websocketHint } from './errors';

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
    expect(error.message).toBe(`Cannot reach Memgraph at bolt://db:7687. ${websocketHint()}`);
    expect(error.details).toMatch(/^WebSocket connection failure\. Due to security constraints/);
    expect(websocketHint()).toContain('only without TLS');
    expect(websocketHint()).toContain('connect-src');
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

  describe('tells who refused: the Bolt gateway, Memgraph, or the browser', () => {
    const MEMGRAPH = 'Memgraph.ClientError.MemgraphError.MemgraphError';

    it.each([
      [
        'a statement the gateway refused',
        gatewayErrorCodes.refused,
        'Refused by the Bolt gateway: this query writes (CREATE) at line 1, column 1. Viewer credentials of the Bolt ' +
          'gateway can only read; run writes from another client with a Memgraph user.',
        'gateway-refused',
      ],
      [
        'a protocol field the gateway refused',
        gatewayErrorCodes.refused,
        'Refused by the Bolt gateway: RUN asks for the database "other"; the gateway serves Memgraph\'s default ' +
          'database only. Leave the database out of the session (the datasource\'s "Database" setting empty).',
        'gateway-refused',
      ],
      [
        "the gateway's per-viewer limit",
        gatewayErrorCodes.limitReached,
        'Bolt gateway: the viewer credential "viewer" already has 64 queries open over all its connections ' +
          '(BOLT_GATEWAY_MAX_QUERIES_PER_VIEWER). Retry when some have finished, or give each group of viewers its ' +
          'own credential.',
        'busy',
      ],
      [
        'Memgraph down behind the gateway',
        gatewayErrorCodes.memgraphUnreachable,
        'Bolt gateway: Memgraph at memgraph:7687 is unreachable (ECONNREFUSED). Memgraph is down or unreachable ' +
          "from the gateway: retry once it is back (if it is up, check the gateway's BOLT_GATEWAY_UPSTREAM).",
        'unreachable',
      ],
      [
        "a wrong Memgraph password in the gateway's settings",
        gatewayErrorCodes.misconfigured,
        "Bolt gateway: Memgraph at memgraph:7687 refused the gateway's login (Authentication failure). The " +
          "gateway's own settings are wrong, not your credential: BOLT_GATEWAY_MEMGRAPH_USER and " +
          'BOLT_GATEWAY_MEMGRAPH_PASSWORD (or …_PASSWORD_FILE) must name a Memgraph user and its password. Retrying ' +
          'will not help until an operator fixes them.',
        'gateway-settings',
      ],
    ])('%s: the gateway’s own message, never “Memgraph rejected”', (_what, code, gatewaySays, kind) => {
      const error = describeFailure(driverError(gatewaySays, code), context);
      expect(error).toMatchObject({ kind, message: gatewaySays });
      expect(error.message).not.toMatch(/^Memgraph rejected/);
    });

    it('a wrong viewer credential at the gateway names the gateway and its setting', () => {
      const error = describeFailure(
        driverError(
          'Authentication failure: the Bolt gateway does not accept this viewer credential (…)',
          gatewayErrorCodes.viewerUnauthenticated
        ),
        context
      );
      expect(error).toMatchObject({
        kind: 'credentials',
        message:
          'The Bolt gateway at bolt://db:7687 refused the credentials of user "viewer": it accepts only its viewer ' +
          "credentials. Check the username and password in the datasource settings against the gateway's " +
          'BOLT_GATEWAY_VIEWERS.',
        details: 'Authentication failure: the Bolt gateway does not accept this viewer credential (…)',
      });
    });

    it("Memgraph's own refusals still say Memgraph", () => {
      expect(describeFailure(driverError("line 1:0 mismatched input 'RETRUN'", MEMGRAPH), context)).toMatchObject({
        kind: 'query',
        message: "Memgraph rejected the query: line 1:0 mismatched input 'RETRUN'.",
      });
      expect(
        describeFailure(driverError('Authentication failure', 'Memgraph.ClientError.Security.Unauthenticated'), context)
      ).toMatchObject({ kind: 'credentials', message: expect.stringMatching(/^Memgraph refused the credentials/) });
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

describe('describeFailure in the viewer’s language', () => {
  beforeEach(() => useLanguage('zh-Hans'));
  afterEach(() => useLanguage('en-US'));

  it('words the datasource’s own framing in Chinese and quotes Memgraph as sent, quotes unescaped', () => {
    const memgraphSays = 'Authentication failure for "viewer" & co';
    const error = describeFailure(driverError(memgraphSays, 'Memgraph.ClientError.Security.Unauthenticated'), context);
    expect(error.kind).toBe('credentials');
    expect(error.message).toBe(
      `Memgraph 拒绝了用户“viewer”的凭据（${memgraphSays}）。请检查数据源设置中的用户名和密码；Memgraph 未启用用户时两者都留空。`
    );
  });

  it('frames a gateway refusal in Chinese around the gateway’s own English text', () => {
    const error = describeFailure(driverError('Refused by the Bolt gateway: no', gatewayErrorCodes.refused), context);
    expect(error.message).toBe('Bolt 网关拒绝了此请求，Memgraph 没有收到它。网关的说明：Refused by the Bolt gateway: no。');
  });

  it('translates a missing parameter through @opentruss/cypher’s table, and the pool and deadline messages', () => {
    expect(describeFailure(driverError('Parameter $lot not provided.', 'Memgraph.ClientError.MemgraphError.MemgraphError'), context).message).toBe(
      '参数 $lot 没有值。请定义名为“lot”的仪表板变量，或使用数据源内置参数 $__from、$__to 和 $__interval_ms。'
    );
    expect(describeFailure(new DeadlineExceeded(32_000, 'pool'), context).message).toMatch(/^此浏览器最多可向 Memgraph 打开的 4 个连接/);
    expect(describeFailure(new DeadlineExceeded(32_000), context).message).toMatch(/^查询在查询超时（30 秒）内没有完成/);
  });
});
