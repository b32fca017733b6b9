// How a FAILURE from the Bolt gateway says that the gateway, not Memgraph, answered: its own error codes, all under
// the vendor prefix `OpenTruss.` (Memgraph's begin with `Memgraph.`). The gateway sets them, the datasource reads
// them; messages stay free text. Codes keep Bolt's `Vendor.Classification.Category.Title` shape, so drivers classify
// them as usual (a TransientError is retried by managed transactions, a ClientError is not).
export const GATEWAY_ERROR_VENDOR = 'OpenTruss';

export const gatewayErrorCodes = {
  /** The request was refused by the gateway's policy (a statement, a protocol field, bad text): Memgraph never saw it. */
  refused: `${GATEWAY_ERROR_VENDOR}.ClientError.BoltGateway.Refused`,
  /** A gateway limit (queries per connection or per viewer, connections per client) was reached: retry later. */
  limitReached: `${GATEWAY_ERROR_VENDOR}.TransientError.BoltGateway.LimitReached`,
  /** The gateway could not reach Memgraph (network, handshake): retry once Memgraph is back. */
  memgraphUnreachable: `${GATEWAY_ERROR_VENDOR}.TransientError.BoltGateway.MemgraphUnreachable`,
  /** Memgraph refused the gateway's own login, or is not Memgraph: the gateway's settings are wrong. */
  misconfigured: `${GATEWAY_ERROR_VENDOR}.DatabaseError.BoltGateway.Misconfigured`,
  /** The client's viewer credential is not one the gateway accepts. */
  viewerUnauthenticated: `${GATEWAY_ERROR_VENDOR}.ClientError.Security.Unauthenticated`,
} as const;

export type GatewayFailure = keyof typeof gatewayErrorCodes;

const byCode = new Map<string, GatewayFailure>(
  Object.entries(gatewayErrorCodes).map(([failure, code]) => [code, failure as GatewayFailure])
);

/** Which gateway failure a Bolt error code is, or undefined when the gateway did not set it. */
export function gatewayFailureOf(code: unknown): GatewayFailure | undefined {
  return typeof code === 'string' ? byCode.get(code) : undefined;
}
