import { bindStatement } from '@opentruss/cypher';
import neo4j from 'neo4j-driver';

import { translateCypherText } from '../model/cypherTexts';
import { MemgraphError } from '../model/memgraphError';
import type { CypherStatement } from '../model/statement';
import type { VariableSource, VariableValue } from './variables';

/**
 * A JS number is packed as a Bolt FLOAT by neo4j-driver; whole numbers are sent as INTEGERs so `n.level = $level`
 * compares like with like. Grafana variable values are strings anyway, so this mostly concerns built-ins.
 */
function toParameter(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map((item) => toParameter(item));
  }
  return typeof value === 'number' && Number.isSafeInteger(value) ? neo4j.int(value) : value;
}

/**
 * The query model's Cypher → the statement sent to Memgraph, by @opentruss/cypher's bindStatement (the editor
 * checks with the same engine). The first problem becomes the panel's error, in the viewer's language; missing
 * parameters are named together.
 */
export function prepareStatement(
  cypher: string,
  builtInParameters: Record<string, unknown>,
  variables: VariableSource
): CypherStatement {
  // Only values decide what is a variable here: a name the dashboard lists but cannot resolve stays unbound.
  const values = { valueOf: (name: string): VariableValue | undefined => variables.valueOf(name) };
  const { text, parameters, kind, problems } = bindStatement(cypher, builtInParameters, values, { toParameter });
  const first = problems[0];
  if (first?.kind === 'missing-parameter') {
    const missing = problems.filter((problem) => problem.kind === 'missing-parameter');
    throw new MemgraphError('missing-parameter', missing.map((problem) => translateCypherText(problem.diagnostic)).join(' '));
  }
  if (first) {
    throw new MemgraphError(first.kind, translateCypherText(first.diagnostic));
  }
  return { text, parameters, kind };
}
