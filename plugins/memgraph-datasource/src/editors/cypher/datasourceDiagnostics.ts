import {
  assertReadOnly,
  CypherTextError,
  expandMacros,
  findVariableReferences,
  identifierFromValue,
  isTrivia,
  MACROS,
  tokenize,
  type Token,
} from '@opentruss/cypher';

import { missingParameterMessage } from '../../connection/errors';
import { type CypherDiagnostic } from './diagnostic';
import { NEO4J_ONLY_FUNCTIONS } from './memgraphFunctions';
import { isKnownParameter, type QueryContext } from './queryContext';

const MACRO_NAMES = new Set(MACROS.map((macro) => macro.name.slice(1)));

const error = (message: string, start: number, end = start + 1): CypherDiagnostic => ({
  severity: 'error',
  message,
  start,
  end,
  source: 'datasource',
});

/** The engine's messages end with "(line L, column C)"; a marker already sits there. */
const withoutPosition = (message: string) => message.replace(/ \(line \d+, column \d+\)$/, '');

function fromTextError(err: unknown, text: string): CypherDiagnostic {
  if (!(err instanceof CypherTextError)) {
    throw err;
  }
  const start = err.position.offset;
  const wordEnd = /^[\w$`]+/.exec(text.slice(start))?.[0].length ?? 1;
  return error(withoutPosition(err.message), start, start + Math.max(1, wordEnd));
}

/**
 * What the datasource itself would refuse before sending, found with the same code it runs (the lexer, the
 * read-only guard, the macro expander, variable binding) — so the editor never disagrees with the panel — plus
 * warnings for Neo4j functions and subqueries Memgraph lacks, which Neo4j's language library cannot know.
 */
export function datasourceDiagnostics(text: string, context: QueryContext): CypherDiagnostic[] {
  let tokens: Token[];
  try {
    tokens = tokenize(text);
  } catch (err) {
    return [fromTextError(err, text)]; // nothing else can be checked on text that does not tokenise
  }
  const found: CypherDiagnostic[] = [];
  for (const check of [() => assertReadOnly(text), () => expandMacros(text)]) {
    try {
      check();
    } catch (err) {
      found.push(fromTextError(err, text));
    }
  }
  found.push(...variableDiagnostics(text, context), ...unsupportedFeatures(tokens));
  return found;
}

function variableDiagnostics(text: string, context: QueryContext): CypherDiagnostic[] {
  const found: CypherDiagnostic[] = [];
  const missing = new Set<string>();
  for (const reference of findVariableReferences(text)) {
    const { name, start, end } = reference;
    if (reference.fieldPath !== undefined) {
      found.push(
        error(`${reference.text}: variable fields are not supported; use $${name} and pick the field in Cypher.`, start, end)
      );
    } else if (reference.format !== undefined && reference.format !== 'raw') {
      found.push(
        error(
          `${reference.text}: the format ":${reference.format}" would splice text into the query. Write $${name} ` +
            `(a list for multi-value variables); only \${${name}:raw} inserts a label, type or property key.`,
          start,
          end
        )
      );
    } else if (reference.format === 'raw') {
      const value = context.variableValue?.(name);
      if (value !== undefined) {
        try {
          identifierFromValue(value, reference.text);
        } catch (err) {
          found.push(error((err as Error).message, start, end));
        }
      }
    }
    const isMacroName = MACRO_NAMES.has(name) || name === '__interval';
    const isNestedList = reference.syntax === 'brackets' && !context.variables?.includes(name);
    if (!isMacroName && !isNestedList && !isKnownParameter(name, context) && !missing.has(name)) {
      missing.add(name);
      found.push(error(missingParameterMessage(name), start, end));
    }
  }
  return found;
}

function unsupportedFeatures(tokens: Token[]): CypherDiagnostic[] {
  const significant = tokens.filter((t) => !isTrivia(t));
  const found: CypherDiagnostic[] = [];
  significant.forEach((token, k) => {
    const after = significant[k + 1]?.text;
    const before = significant[k - 1]?.text;
    if (token.kind !== 'identifier' || before === '.' || before === ':') {
      return;
    }
    const name = token.value!.toLowerCase();
    if (after === '(' && name in NEO4J_ONLY_FUNCTIONS && significant[k + 2]?.text !== '.') {
      found.push({ ...error(NEO4J_ONLY_FUNCTIONS[name], token.start, token.end), severity: 'warning' });
    } else if (after === '{' && (name === 'count' || name === 'collect')) {
      found.push({
        ...error(
          `Memgraph has no ${name.toUpperCase()} { … } subqueries: use OPTIONAL MATCH with ${name}() or a CALL { … } subquery`,
          token.start,
          token.end
        ),
        severity: 'warning',
      });
    }
  });
  return found;
}
