import { byPosition, type CypherDiagnostic } from './diagnostic';
import { datasourceDiagnostics } from './datasourceDiagnostics';
import { maskForNeo4j } from './dialect';
import { nameDiagnostics } from './nameDiagnostics';
import type { QueryContext } from './queryContext';

/**
 * Every problem the editor marks: the datasource's own refusals first (they decide whether the query is sent:
 * syntax errors among them, by the read-only checker's grammar of Memgraph's Cypher), then what the same grammar's
 * parse tree tells about names (undefined variables, names missing from the schema). All synchronous and in
 * module.js's code: no language library is needed to mark a problem. Identical findings at one place are
 * reported once.
 */
export function cypherDiagnostics(text: string, context: QueryContext): CypherDiagnostic[] {
  if (text.trim() === '') {
    return []; // an empty editor is not a mistake: the datasource does not run a blank query (filterQuery)
  }
  const own = datasourceDiagnostics(text, context);
  let names: CypherDiagnostic[] = [];
  try {
    const isVariable = (name: string) => context.variables?.includes(name) ?? false;
    names = nameDiagnostics(maskForNeo4j(text, isVariable), context);
  } catch {
    names = []; // the text does not tokenise: the datasource's lexer error above already says where
  }
  const seen = new Set<string>();
  return [...own, ...names].sort(byPosition).filter((d) => {
    const key = `${d.start}:${d.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
