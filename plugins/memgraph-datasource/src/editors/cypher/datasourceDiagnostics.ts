import { t } from '@grafana/i18n';
import {
  bindStatement,
  bindTokens,
  CypherTextError,
  isTrivia,
  tokenize,
  withoutPositionText,
  type BindProblem,
  type Token,
} from '@opentruss/cypher';

import { PLAIN_TEXT } from '@opentruss/contract';
import { translateCypherText } from '../../model/cypherTexts';
import { type CypherDiagnostic } from './diagnostic';
import { NEO4J_ONLY_FUNCTIONS } from './neo4jOnlyFunctions';
import { BUILT_IN_PARAMETERS, editorVariables, type QueryContext } from './queryContext';

const error = (message: string, start: number, end = start + 1): CypherDiagnostic => ({
  severity: 'error',
  message,
  start,
  end,
  source: 'datasource',
});

const fromProblem = (problem: BindProblem): CypherDiagnostic =>
  error(translateCypherText(withoutPositionText(problem.diagnostic)), problem.start, problem.end);

/**
 * What the datasource itself would refuse before sending, found by the engine the panel runs (bindTokens of
 * @opentruss/cypher: read-only guard, macros, variable binding) — so the editor never disagrees with the panel —
 * plus warnings for Neo4j functions and subqueries Memgraph lacks, which Neo4j's language library cannot know.
 * While the dashboard's variable list is unknown, no parameter is called missing.
 */
export function datasourceDiagnostics(text: string, context: QueryContext): CypherDiagnostic[] {
  let tokens: Token[] | undefined;
  try {
    tokens = tokenize(text);
  } catch (err) {
    if (!(err instanceof CypherTextError)) {
      throw err;
    }
  }
  const variables = editorVariables(context);
  // Text that does not tokenise: bindStatement reports just the lexer's error, worded as the panel words it.
  const { problems } = tokens
    ? bindTokens(text, tokens, BUILT_IN_PARAMETERS, variables)
    : bindStatement(text, BUILT_IN_PARAMETERS, variables);
  const shown = context.variables === undefined ? problems.filter((p) => p.kind !== 'missing-parameter') : problems;
  return [...shown.map(fromProblem), ...(tokens ? unsupportedFeatures(tokens) : [])];
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
      found.push({ ...error(NEO4J_ONLY_FUNCTIONS[name](), token.start, token.end), severity: 'warning' });
    } else if (after === '{' && (name === 'count' || name === 'collect')) {
      found.push({
        ...error(
          t(
            'diagnostics.no-subquery-expression',
            'Memgraph has no {{keyword}} { … } subqueries: use OPTIONAL MATCH with {{name}}() or a CALL { … } subquery',
            { keyword: name.toUpperCase(), name, ...PLAIN_TEXT }
          ),
          token.start,
          token.end
        ),
        severity: 'warning',
      });
    }
  });
  return found;
}
