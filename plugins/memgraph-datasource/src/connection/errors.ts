import { t } from '@grafana/i18n';
import { gatewayFailureOf, PLAIN_TEXT, type GatewayFailure } from '@opentruss/contract';
import { missingParameterDiagnostic } from '@opentruss/cypher';

import { translateCypherText } from '../model/cypherTexts';
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

/** Why a browser may not reach a URL that works elsewhere: shown with "cannot reach" and in the config editor. */
export const websocketHint = () =>
  t(
    'errors.websocket-hint',
    'The browser opens this connection itself, not the Grafana server, so the URL must be reachable from here. ' +
      'A Grafana served over https makes the browser use wss://: the Bolt gateway serves it itself when given ' +
      "certificate files (the stack's tls profile: port 7688); Memgraph alone serves WebSocket only without TLS. " +
      "With Grafana's content_security_policy enabled, its connect-src must allow ws://host:port (or wss://)."
  );

/**
 * Maps anything a query can throw to a MemgraphError with an actionable message, in the viewer's language; what
 * Memgraph or the gateway said is quoted as sent.
 */
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
      t(
        'errors.connection-deadline',
        'No connection to Memgraph at {{url}} was set up within the query timeout ({{timeout}} s): the server did ' +
          "not answer the connection or its Bolt handshake. Check that the URL points at Memgraph's Bolt port (or a " +
          'WebSocket proxy in front of it), that Memgraph is not overloaded, and that "Connection timeout" is below ' +
          '"Query timeout" in the datasource settings.',
        { url: context.url, timeout: context.queryTimeoutSeconds, ...PLAIN_TEXT }
      ),
      error
    );
  }
  if (error instanceof DeadlineExceeded) {
    return new MemgraphError(
      'timeout',
      t(
        'errors.answer-deadline',
        'The query did not finish within the query timeout ({{timeout}} s) and Memgraph did not answer in time, so ' +
          'the browser gave up. Narrow the query (a label, $__timeFilter, LIMIT) or raise "Query timeout" in the ' +
          'datasource settings.',
        { timeout: context.queryTimeoutSeconds, ...PLAIN_TEXT }
      ),
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
      t(
        'errors.credentials',
        'Memgraph refused the credentials of user "{{username}}" ({{serverSays}}). Check the username and password ' +
          'in the datasource settings; leave both empty for a Memgraph without users.',
        { username: context.username, serverSays, ...PLAIN_TEXT }
      ),
      error
    );
  }
  if (/^(User )?Memory limit exceeded!/.test(message)) {
    // A TransientError in Memgraph's codes, yet the same query fails the same way again: no "retry" advice.
    return new MemgraphError(
      'memory-limit',
      t(
        'errors.memory-limit',
        'Memgraph stopped the query: it needed more memory than one query may use ({{serverSays}}). Through the ' +
          'Bolt gateway every query carries QUERY MEMORY LIMIT (its BOLT_GATEWAY_QUERY_MEMORY_LIMIT_MB setting). ' +
          'Make the query lighter — aggregate in Cypher (count, sum) instead of returning or collecting every row, ' +
          'narrow it (a label, $__timeFilter, LIMIT) — or ask the operator to raise that setting.',
        { serverSays, ...PLAIN_TEXT }
      ),
      error
    );
  }
  if (/TransientError/.test(code) && /timeout/i.test(message)) {
    return new MemgraphError(
      'timeout',
      t(
        'errors.server-timeout',
        'Memgraph stopped the query at the query timeout ({{timeout}} s): {{serverSays}}. Narrow the query (a ' +
          'label, $__timeFilter, LIMIT) or raise "Query timeout" in the datasource settings.',
        { timeout: context.queryTimeoutSeconds, serverSays, ...PLAIN_TEXT }
      ),
      error
    );
  }
  if (/TransientError/.test(code)) {
    return new MemgraphError(
      'transient',
      t('errors.transient', 'Memgraph reported a temporary problem: {{serverSays}}. Refresh the panel to retry.', {
        serverSays,
        ...PLAIN_TEXT,
      }),
      error
    );
  }
  const missing = /Parameter \$?`?([^\s`]+?)`? not provided/i.exec(message);
  if (missing) {
    return new MemgraphError('missing-parameter', translateCypherText(missingParameterDiagnostic(missing[1])), error);
  }
  // Memgraph 3.12 on a REPLICA: WriteQueryOnReplicaException ("Write queries are forbidden on the replica
  // instance. …") or, for user changes, "Query forbidden on the replica! …" (src/query/interpreter.cpp).
  if (/forbidden on the replica/i.test(message)) {
    return new MemgraphError(
      'write-refused',
      t(
        'errors.replica-write',
        'Memgraph refused this query as a write: the datasource reads a Memgraph REPLICA, where Memgraph itself ' +
          'runs only reads ("{{serverSays}}"). This datasource only reads: change the query so that it only reads.',
        { serverSays, ...PLAIN_TEXT }
      ),
      error
    );
  }
  if (/misaligned/i.test(message)) {
    return new MemgraphError(
      'write-refused',
      t(
        'errors.read-only-transaction',
        "Memgraph refused to write inside the datasource's read-only transaction ({{serverSays}}). This datasource " +
          'only reads.',
        { serverSays, ...PLAIN_TEXT }
      ),
      error
    );
  }
  if (code.startsWith('Memgraph.') || code.startsWith('Neo.ClientError')) {
    return new MemgraphError(
      'query',
      t('errors.rejected', 'Memgraph rejected the query: {{serverSays}}.', { serverSays, ...PLAIN_TEXT }),
      error
    );
  }
  if (/acquisition timed out/i.test(message)) {
    return poolBusy(context, error);
  }
  // The driver's own text (in a browser a long, generic paragraph) goes to the details, not into the message.
  if (isLostConnection(error) || (isConnectionFailure(error) && (context.rowsReceived ?? 0) > 0)) {
    const values = { url: context.url, ...PLAIN_TEXT };
    return new MemgraphError(
      'disconnected',
      context.rowsReceived
        ? t('errors.lost-after-rows', '', {
            ...values,
            ...PLAIN_TEXT,
            count: context.rowsReceived,
            defaultValue_one:
              'The connection to Memgraph at {{url}} was lost after {{count}} row. Refresh the panel once Memgraph ' +
              'is back; the next query reconnects by itself.',
            defaultValue_other:
              'The connection to Memgraph at {{url}} was lost after {{count}} rows. Refresh the panel once Memgraph ' +
              'is back; the next query reconnects by itself.',
          })
        : t(
            'errors.lost',
            'The connection to Memgraph at {{url}} was lost. Refresh the panel once Memgraph is back; the next query ' +
              'reconnects by itself.',
            values
          ),
      error,
      message
    );
  }
  if (isConnectionFailure(error) || /WebSocket|ECONNREFUSED|ENOTFOUND|ETIMEDOUT/i.test(message)) {
    return new MemgraphError(
      'unreachable',
      t('errors.unreachable', 'Cannot reach Memgraph at {{url}}. {{hint}}', {
        url: context.url,
        hint: websocketHint(),
        ...PLAIN_TEXT,
      }),
      error,
      message
    );
  }
  return new MemgraphError(
    'unexpected',
    t('errors.unexpected', 'The Memgraph query failed: {{serverSays}}.', { serverSays, ...PLAIN_TEXT }),
    error
  );
}

/**
 * A FAILURE the Bolt gateway answered itself (told by its error code, see @opentruss/contract): Memgraph never saw
 * the request. The gateway's message (English, like Memgraph's) already names what was refused or failed and the
 * setting or action that fixes it, so in English it is passed on whole; another language says what happened in its
 * own words and quotes the gateway. Only the viewer credential gets the datasource's own wording (its settings hold it).
 */
function fromGateway(
  failure: GatewayFailure,
  gatewaySays: string,
  context: FailureContext,
  error: unknown
): MemgraphError {
  const quoted = { gatewaySays, ...PLAIN_TEXT };
  switch (failure) {
    case 'refused':
      return new MemgraphError('gateway-refused', t('errors.gateway.refused', '{{gatewaySays}}.', quoted), error);
    case 'limitReached':
      return new MemgraphError('busy', t('errors.gateway.limit-reached', '{{gatewaySays}}.', quoted), error);
    case 'memgraphUnreachable':
      return new MemgraphError(
        'unreachable',
        t('errors.gateway.memgraph-unreachable', '{{gatewaySays}}.', quoted),
        error
      );
    case 'misconfigured':
      return new MemgraphError('gateway-settings', t('errors.gateway.misconfigured', '{{gatewaySays}}.', quoted), error);
    case 'viewerUnauthenticated':
      return new MemgraphError(
        'credentials',
        t(
          'errors.gateway.viewer-credentials',
          'The Bolt gateway at {{url}} refused the credentials of user "{{username}}": it accepts only its viewer ' +
            "credentials. Check the username and password in the datasource settings against the gateway's " +
            'BOLT_GATEWAY_VIEWERS.',
          { url: context.url, username: context.username, ...PLAIN_TEXT }
        ),
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
    t(
      'errors.pool-busy',
      'All {{maxConnections}} connections this browser may open to Memgraph were busy with other queries still ' +
        'running, so this query never reached Memgraph within the query timeout ({{timeout}} s). Wait for the ' +
        'running panels, or raise "Maximum connections per browser" in the datasource settings.',
      { maxConnections: context.maxConnections, timeout: context.queryTimeoutSeconds, ...PLAIN_TEXT }
    ),
    error
  );
}
