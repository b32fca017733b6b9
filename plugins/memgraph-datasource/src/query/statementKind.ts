import { isTrivia, tokenize } from '@opentruss/cypher';

/**
 * SHOW … statements (index info, version, storage info, …) only read, and Memgraph refuses them inside explicit
 * transactions, so they run auto-commit; everything else runs in a READ transaction.
 */
export function needsAutoCommit(cypher: string): boolean {
  const first = tokenize(cypher).find((token) => !isTrivia(token));
  return first?.kind === 'identifier' && first.value!.toUpperCase() === 'SHOW';
}
