import {
  assertReadOnly,
  CypherTextError,
  expandMacros,
  identifierFromValue,
  replaceVariableReferences,
  type VariableReference,
} from '@opentruss/cypher';
import neo4j from 'neo4j-driver';

import { MemgraphError, missingParameterMessage } from '../connection/errors';
import type { CypherStatement } from '../model/statement';
import type { VariableSource, VariableValue } from './variables';

/**
 * A JS number is packed as a Bolt FLOAT by neo4j-driver; whole numbers are sent as INTEGERs so `n.level = $level`
 * compares like with like. Grafana variable values are strings anyway, so this mostly concerns built-ins.
 */
function toParameter(value: VariableValue): unknown {
  if (Array.isArray(value)) {
    return value.map((item) => toParameter(item));
  }
  return typeof value === 'number' && Number.isSafeInteger(value) ? neo4j.int(value) : value;
}

function refusedFormat(reference: VariableReference): MemgraphError {
  return new MemgraphError(
    'query',
    `${reference.text}: the format ":${reference.format}" would splice text into the query. Variables reach ` +
      `Memgraph as parameters: write $${reference.name} (a list for multi-value variables, e.g. ` +
      `n.status IN $${reference.name}); only \${${reference.name}:raw} puts a label, relationship type or property ` +
      'key into the query, backtick-quoted.'
  );
}

/**
 * The query model's Cypher → the statement sent to Memgraph:
 * 1. the read-only guard refuses writes (positions refer to the text the user wrote);
 * 2. macros expand into Cypher over `$__from` / `$__to` / `$__interval_ms`;
 * 3. every Grafana variable reference (`$var`, `${var}`, `[[var]]`) becomes the parameter `$var` with the value in
 *    `parameters` — the text never receives a value; `${var:raw}` becomes a validated, backticked identifier;
 * 4. a `$name` nothing binds is refused here with an explanation instead of a Memgraph error.
 */
export function prepareStatement(
  cypher: string,
  builtInParameters: Record<string, unknown>,
  variables: VariableSource
): CypherStatement {
  asQueryError('write-refused', () => assertReadOnly(cypher));
  const expanded = asQueryError('query', () => expandMacros(cypher));
  const parameters: Record<string, unknown> = { ...builtInParameters };
  const unbound = new Set<string>();

  const text = replaceVariableReferences(expanded, (reference) => {
    if (reference.syntax === 'dollar' && reference.name in builtInParameters) {
      return reference.text;
    }
    if (reference.fieldPath !== undefined) {
      throw new MemgraphError(
        'query',
        `${reference.text}: variable fields are not supported; use $${reference.name} and pick the field in Cypher.`
      );
    }
    const value = variables.valueOf(reference.name);
    if (value === undefined) {
      if (reference.syntax === 'brackets') {
        return reference.text; // not a variable: a nested list such as [[x]] stays Cypher
      }
      unbound.add(reference.name);
      return reference.text;
    }
    if (reference.format === 'raw') {
      try {
        return identifierFromValue(value, reference.text);
      } catch (error) {
        throw new MemgraphError('query', (error as Error).message);
      }
    }
    if (reference.format !== undefined) {
      throw refusedFormat(reference);
    }
    parameters[reference.name] = toParameter(value);
    return `$${reference.name}`;
  });

  if (unbound.size) {
    throw new MemgraphError('missing-parameter', [...unbound].map(missingParameterMessage).join(' '));
  }
  // Belt and braces: nothing above can introduce a write (macros read, raw values are quoted names), check anyway.
  asQueryError('write-refused', () => assertReadOnly(text));
  return { text, parameters };
}

/** Errors about the query text (with their line and column) become panel errors of the given kind. */
function asQueryError<T>(kind: 'query' | 'write-refused', run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw error instanceof CypherTextError ? new MemgraphError(kind, error.message, error) : error;
  }
}
