import { gatewayErrorCodes, gatewayFailureOf } from '../src';

describe('gateway error codes', () => {
  it('are told from Memgraph codes and from each other', () => {
    for (const [failure, code] of Object.entries(gatewayErrorCodes)) {
      expect(code).toMatch(/^OpenTruss\.(ClientError|TransientError|DatabaseError)\.\w+\.\w+$/);
      expect(gatewayFailureOf(code)).toBe(failure);
    }
    expect(gatewayFailureOf('Memgraph.ClientError.MemgraphError.MemgraphError')).toBeUndefined();
    expect(gatewayFailureOf('Memgraph.ClientError.Security.Unauthenticated')).toBeUndefined();
    expect(gatewayFailureOf(undefined)).toBeUndefined();
  });

  it('classify as drivers expect: limits and outages retryable, refusals and configuration not', () => {
    const retryable = (code: string) => code.includes('TransientError');
    expect(retryable(gatewayErrorCodes.limitReached)).toBe(true);
    expect(retryable(gatewayErrorCodes.memgraphUnreachable)).toBe(true);
    expect(retryable(gatewayErrorCodes.refused)).toBe(false);
    expect(retryable(gatewayErrorCodes.misconfigured)).toBe(false);
    expect(retryable(gatewayErrorCodes.viewerUnauthenticated)).toBe(false);
  });
});
