import { byPosition, type CypherDiagnostic } from './diagnostic';
import { datasourceDiagnostics } from './datasourceDiagnostics';
import { maskForNeo4j } from './dialect';
import type { CypherLanguageLibrary } from './languageLibrary';
import { libraryDiagnostics } from './libraryDiagnostics';
import type { QueryContext } from './queryContext';

/**
 * Every problem the editor marks: the datasource's own refusals first (they decide whether the query is sent),
 * then — when the language library is loaded and the text tokenises — general Cypher errors from Neo4j's
 * parser, filtered to what Memgraph agrees with. Identical findings at one place are reported once, and a library
 * error where the datasource already refuses is left out.
 */
export function cypherDiagnostics(
  text: string,
  context: QueryContext,
  library?: CypherLanguageLibrary
): CypherDiagnostic[] {
  const own = datasourceDiagnostics(text, context);
  let general: CypherDiagnostic[] = [];
  if (library) {
    try {
      const isVariable = (name: string) => context.variables?.includes(name) ?? false;
      general = libraryDiagnostics(library, maskForNeo4j(text, isVariable), context);
    } catch {
      general = []; // the text does not tokenise: the datasource's lexer error above already says where
    }
  }
  // Where the datasource refuses (its read-only checker's syntax refusal is the panel's error), Neo4j's parser
  // saying so again in other words adds nothing.
  const refusedAt = new Set(own.filter((d) => d.severity === 'error').map((d) => d.start));
  general = general.filter((d) => d.severity !== 'error' || !refusedAt.has(d.start));
  const seen = new Set<string>();
  return [...own, ...general].sort(byPosition).filter((d) => {
    const key = `${d.start}:${d.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
