import { gatewayFailureOf, type GatewayFailure } from '@opentruss/contract';
import { missingParameterMessage } from '@opentruss/cypher';

import { MemgraphError } from '../model/memgraphError';

/**
 * What a query was waiting for when the browser gave up: a free pooled connection (every connection of this
 * browser busy), its own connection to be set up, or Memgraph's answer.
 */
export type GaveUpWaitingFor = 'pool' | 'connection' | 'answer';

/** The browser gave up waiting (the server did not even answer with its own timeout error). */
export class DeadlineExceeded extends Error {
  constructor(
    readonly afterMs: number,
    readonly waitingFor: GaveUpWaitingFor = 'answer'
  ) {
    super(`No answer within ${afterMs} ms (waiting for ${waitingFor})`);
    this.name = 'DeadlineExceeded';
  }
}

export interface FailureContext {
  /** The URL as configured. */
  url: string;
  username: string;
  queryTimeoutSeconds: number;
  maxConnections: number;
  /** Records already received when the failure happened. */
  rowsReceived?: number;
}

interface DriverErrorShape {
  code?: string;
  message?: string;
}

export const WEBSOCKET_HINT =
  'The browser opens this connection itself, not the Grafana server, so the URL must be reachable from here. ' +
  'A Grafana served over https makes the browser use wss://: the Bolt gateway serves it itself when given ' +
  "certificate files (the stack's tls profile: port 7688); Memgraph alone serves WebSocket only without TLS. " +
  "With Grafana's content_security_policy enabled, its connect-src must allow ws://host:port (or wss://).";

/** Maps anything a query can throw to a MemgraphError with an actionable message. */
export function describeFailure(error: unknown, context: FailureContext): MemgraphError {
  if (error instanceof MemgraphError) {
    return error;
  }
  if (error instanceof DeadlineExceeded && error.waitingFor === 'pool') {
    return poolBusy(context, error);
  }
  if (error instanceof DeadlineExceeded && error.waitingFor === 'connection') {
    return new MemgraphError(
      'unreachable',
      `No connection to Memgraph at ${context.url} was set up within the query timeout ` +
        `(${context.queryTimeoutSeconds} s): the server did not answer the connection or its Bolt handshake. Check ` +
        "that the URL points at Memgraph's Bolt port (or a WebSocket proxy in front of it), that Memgraph is not " +
        'overloaded, and that "Connection timeout" is below "Query timeout" in the datasource settings.',
      error
    );
  }
  if (error instanceof DeadlineExceeded) {
    return new MemgraphError(
      'timeout',
      `The query did not finish within the query timeout (${context.queryTimeoutSeconds} s) and Memgraph did not ` +
        'answer in time, so the browser gave up. Narrow the query (a label, $__timeFilter, LIMIT) or raise ' +
        '"Query timeout" in the datasource settings.',
      error
    );
  }
  const { code = '', message = error instanceof Error ? error.message : String(error) } = (error ??
    {}) as DriverErrorShape;
  const serverSays = message.trim().replace(/\.$/, '');

  const gatewayFailure = gatewayFailureOf(code);
  if (gatewayFailure) {
    return fromGateway(gatewayFailure, serverSays, context, error);
  }
  if (/Security\.(Unauthenticated|Unauthorized|AuthenticationRateLimit)/.test(code)) {
    return new MemgraphError(
      'credentials',
      `Memgraph refused the credentials of user "${context.username}" (${serverSays}). Check the username and ` +
        'password in the datasource settings; leave both empty for a Memgraph without users.',
      error
    );
  }
  if (/^(User )?Memory limit exceeded!/.test(message)) {
    // A TransientError in Memgraph's codes, yet the same query fails the same way again: no "retry" advice.
    return new MemgraphError(
      'memory-limit',
      `Memgraph stopped the query: it needed more memory than one query may use (${serverSays}). Through the Bolt ` +
        'gateway every query carries QUERY MEMORY LIMIT (its BOLT_GATEWAY_QUERY_MEMORY_LIMIT_MB setting). Make the ' +
        'query lighter — aggregate in Cypher (count, sum) instead of returning or collecting every row, narrow it ' +
        '(a label, $__timeFilter, LIMIT) — or ask the operator to raise that setting.',
      error
    );
  }
  if (/TransientError/.test(code) && /timeout/i.test(message)) {
    return new MemgraphError(
      'timeout',
      `Memgraph stopped the query at the query timeout (${context.queryTimeoutSeconds} s): ${serverSays}. Narrow ` +
        'the query (a label, $__timeFilter, LIMIT) or raise "Query timeout" in the datasource settings.',
      error
    );
  }
  if (/TransientError/.test(code)) {
    return new MemgraphError(
      'transient',
      `Memgraph reported a temporary problem: ${serverSays}. Refresh the panel to retry.`,
      error
    );
  }
  const missing = /Parameter \$?`?([^\s`]+?)`? not provided/i.exec(message);
  if (missing) {
    return new MemgraphError('missing-parameter', missingParameterMessage(missing[1]), error);
  }
  // Memgraph 3.12 on a REPLICA: WriteQueryOnReplicaException ("Write queries are forbidden on the replica
  // instance. …") or, for user changes, "Query forbidden on the replica! …" (src/query/interpreter.cpp).
  if (/forbidden on the replica/i.test(message)) {
    return new MemgraphError(
      'write-refused',
      'Memgraph refused this query as a write: the datasource reads a Memgraph REPLICA, where Memgraph itself runs ' +
        `only reads ("${serverSays}"). This datasource only reads: change the query so that it only reads.`,
      error
    );
  }
  if (/misaligned/i.test(message)) {
    return new MemgraphError(
      'write-refused',
      `Memgraph refused to write inside the datasource's read-only transaction (${serverSays}). This datasource ` +
        'only reads.',
      error
    );
  }
  if (code.startsWith('Memgraph.') || code.startsWith('Neo.ClientError')) {
    return new MemgraphError('query', `Memgraph rejected the query: ${serverSays}.`, error);
  }
  if (/acquisition timed out/i.test(message)) {
    return poolBusy(context, error);
  }
  // The driver's own text (in a browser a long, generic paragraph) goes to the details, not into the message.
  if (isLostConnection(error) || (isConnectionFailure(error) && (context.rowsReceived ?? 0) > 0)) {
    return new MemgraphError(
      'disconnected',
      `The connection to Memgraph at ${context.url} was lost` +
        (context.rowsReceived ? ` after ${context.rowsReceived} rows` : '') +
        '. Refresh the panel once Memgraph is back; the next query reconnects by itself.',
      error,
      message
    );
  }
  if (isConnectionFailure(error) || /WebSocket|ECONNREFUSED|ENOTFOUND|ETIMEDOUT/i.test(message)) {
    return new MemgraphError(
      'unreachable',
      `Cannot reach Memgraph at ${context.url}. ${WEBSOCKET_HINT}`,
      error,
      message
    );
  }
  return new MemgraphError('unexpected', `The Memgraph query failed: ${serverSays}.`, error);
}

/**
 * A FAILURE the Bolt gateway answered itself (told by its error code, see @opentruss/contract): Memgraph never saw
 * the request. The gateway's message already names what was refused or failed and the setting or action that fixes
 * it, so it is passed on whole; only the viewer credential gets the datasource's own wording (its settings hold it).
 */
function fromGateway(
  failure: GatewayFailure,
  gatewaySays: string,
  context: FailureContext,
  error: unknown
): MemgraphError {
  switch (failure) {
    case 'refused':
      return new MemgraphError('gateway-refused', `${gatewaySays}.`, error);
    case 'limitReached':
      return new MemgraphError('busy', `${gatewaySays}.`, error);
    case 'memgraphUnreachable':
      return new MemgraphError('unreachable', `${gatewaySays}.`, error);
    case 'misconfigured':
      return new MemgraphError('gateway-settings', `${gatewaySays}.`, error);
    case 'viewerUnauthenticated':
      return new MemgraphError(
        'credentials',
        `The Bolt gateway at ${context.url} refused the credentials of user "${context.username}": it accepts only ` +
          'its viewer credentials. Check the username and password in the datasource settings against the ' +
          "gateway's BOLT_GATEWAY_VIEWERS.",
        error,
        gatewaySays
      );
  }
}

/** The driver lost (or could not use) the connection itself, as opposed to Memgraph refusing the query. */
export function isConnectionFailure(error: unknown): boolean {
  const code = (error as DriverErrorShape | undefined)?.code;
  return code === 'ServiceUnavailable' || code === 'SessionExpired';
}

/**
 * A connection that was up and then went away (the server closed or reset it), as opposed to one that could not be
 * set up at all (refused, unreachable, the connection timeout).
 */
export function isLostConnection(error: unknown): boolean {
  const message = (error as DriverErrorShape | undefined)?.message ?? '';
  return isConnectionFailure(error) && /closed|reset|lost|terminated/i.test(message);
}

/** Every pooled connection of this browser was taken, by queries still running, for as long as this one could wait. */
function poolBusy(context: FailureContext, error: unknown): MemgraphError {
  return new MemgraphError(
    'busy',
    `All ${context.maxConnections} connections this browser may open to Memgraph were busy with other queries still ` +
      `running, so this query never reached Memgraph within the query timeout (${context.queryTimeoutSeconds} s). ` +
      'Wait for the running panels, or raise "Maximum connections per browser" in the datasource settings.',
    error
  );
}
