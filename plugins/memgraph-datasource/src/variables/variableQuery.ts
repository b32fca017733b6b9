import type { MemgraphQuery } from '@opentruss/contract';

const VARIABLE_REF_ID = 'variable';

/**
 * A variable's stored query → the query model. Dashboards written by hand or by older plugins may store the Cypher
 * as a plain string; variable queries are always read as tables (their first or `__text`/`__value` columns).
 */
export function toVariableQuery(stored: MemgraphQuery | string | undefined): MemgraphQuery {
  if (typeof stored === 'string') {
    return { refId: VARIABLE_REF_ID, cypher: stored, format: 'table' };
  }
  return { ...stored, refId: stored?.refId || VARIABLE_REF_ID, cypher: stored?.cypher ?? '', format: 'table' };
}
