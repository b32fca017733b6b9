// How a FAILURE from the Bolt gateway says that the gateway, not Memgraph, answered: its own error codes. The
// gateway sets them, the datasource reads them; messages stay free text. Codes keep Bolt's
// `Vendor.Classification.Category.Title` shape, so drivers classify them as usual (a TransientError is retried).
export const GATEWAY_ERROR_CATEGORY = 'BoltGateway';

export const gatewayErrorCodes = {
  /** The request was refused by the gateway's policy (a statement, a protocol field, bad text): Memgraph never saw it. */
  refused: `OpenTruss.ClientError.${GATEWAY_ERROR_CATEGORY}.Refused`,
  /** A gateway limit (queries per connection or per viewer, connections per client) was reached: retry later. */
  limitReached: `OpenTruss.TransientError.${GATEWAY_ERROR_CATEGORY}.LimitReached`,
  /** The gateway could not reach Memgraph (network, handshake): retry once Memgraph is back. */
  memgraphUnreachable: `OpenTruss.TransientError.${GATEWAY_ERROR_CATEGORY}.MemgraphUnreachable`,
  /** Memgraph refused the gateway's own login, or is not Memgraph: the gateway's settings are wrong. */
  misconfigured: `OpenTruss.DatabaseError.${GATEWAY_ERROR_CATEGORY}.Misconfigured`,
} as const;

export type GatewayErrorCode = (typeof gatewayErrorCodes)[keyof typeof gatewayErrorCodes];

/** Which gateway failure a Bolt error code is, or undefined when the gateway did not set it. */
export function gatewayErrorOf(code: unknown): keyof typeof gatewayErrorCodes | undefined {
  if (typeof code !== 'string') {
    return undefined;
  }
  const entry = Object.entries(gatewayErrorCodes).find(([, value]) => value === code);
  return entry?.[0] as keyof typeof gatewayErrorCodes | undefined;
}
