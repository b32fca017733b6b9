/** The parts of @neo4j-cypher/language-support the editor uses. */
export type CypherLanguageLibrary = Pick<typeof import('@neo4j-cypher/language-support'), 'lintCypherQuery' | 'autocomplete'>;

let loading: Promise<CypherLanguageLibrary> | undefined;

/**
 * Loads Neo4j's Cypher language library (an ANTLR parser plus Neo4j's semantic analysis, several MB) on first use,
 * as its own webpack chunk: dashboards never download it, query editors fetch it once. A failed load (offline,
 * blocked chunk) is forgotten so the next call tries again; meanwhile the editor works without it.
 */
export function loadLanguageLibrary(): Promise<CypherLanguageLibrary> {
  loading ??= import(/* webpackChunkName: "cypher-language-support" */ '@neo4j-cypher/language-support').catch(
    (error: unknown) => {
      loading = undefined;
      throw error;
    }
  );
  return loading;
}
