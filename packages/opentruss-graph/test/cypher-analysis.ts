import { type Token, isTrivia, tokenize } from '@opentruss/cypher';

/** What a query text names: labels, relationship types, property reads per variable, function calls, parameters. */
export interface CypherNames {
  labels: Set<string>;
  relationshipTypes: Set<string>;
  /** variable → label, from node patterns `(v:Label)`. */
  boundLabels: Map<string, string>;
  propertyReads: Array<{ variable: string; key: string }>;
  mapKeys: Set<string>;
  functions: Set<string>;
  parameters: Set<string>;
}

const KEYWORDS_BEFORE_PARENTHESIS = new Set([
  'MATCH',
  'OPTIONAL',
  'WHERE',
  'AND',
  'OR',
  'XOR',
  'NOT',
  'IN',
  'WHEN',
  'THEN',
  'ELSE',
  'WITH',
  'RETURN',
  'UNWIND',
  'CASE',
  'AS',
  'BY',
  'DISTINCT',
  'IS',
]);

/** A small structural reading of Cypher tokens (from @opentruss/cypher's lexer, so strings and comments never count). */
export function namesIn(cypher: string): CypherNames {
  const tokens: Token[] = tokenize(cypher).filter((token) => !isTrivia(token));
  const names: CypherNames = {
    labels: new Set(),
    relationshipTypes: new Set(),
    boundLabels: new Map(),
    propertyReads: [],
    mapKeys: new Set(),
    functions: new Set(),
    parameters: new Set(),
  };
  const brackets: string[] = [];
  tokens.forEach((token, index) => {
    const previous = tokens[index - 1];
    const next = tokens[index + 1];
    if (token.kind === 'parameter') {
      names.parameters.add(token.value ?? token.text);
    }
    if (token.kind === 'punctuation') {
      if ('([{'.includes(token.text)) {
        brackets.push(token.text);
      } else if (')]}'.includes(token.text)) {
        brackets.pop();
      }
    }
    if (token.kind !== 'identifier') {
      return;
    }
    const name = token.value ?? token.text;
    const enclosing = brackets[brackets.length - 1];
    if (previous?.text === ':' && enclosing === '(') {
      names.labels.add(name);
      const variable = tokens[index - 2];
      if (variable?.kind === 'identifier') {
        names.boundLabels.set(variable.text, name);
      }
    } else if (previous?.text === ':' && enclosing === '[') {
      names.relationshipTypes.add(name);
    } else if (next?.text === ':' && enclosing === '{') {
      names.mapKeys.add(name);
    } else if (previous?.text === '.' && tokens[index - 2]?.kind === 'identifier') {
      names.propertyReads.push({ variable: tokens[index - 2].text, key: name });
    } else if (next?.text === '(' && !KEYWORDS_BEFORE_PARENTHESIS.has(name.toUpperCase())) {
      names.functions.add(name);
    }
  });
  return names;
}
