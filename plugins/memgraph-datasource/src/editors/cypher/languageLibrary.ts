/** The part of @neo4j-cypher/language-support the editor uses: its completion. */
export type CypherLanguageLibrary = Pick<typeof import('@neo4j-cypher/language-support'), 'autocomplete'>;

let loading: Promise<CypherLanguageLibrary> | undefined;

/**
 * Loads Neo4j's Cypher completion (its ANTLR parser of Cypher and antlr4-c3) on first use, as its own webpack chunk:
 * dashboards never download it; a query editor starts fetching it as it opens, so the first completion does not
 * wait for it. Only `autocomplete` is bundled (webpackExports): webpack leaves out the rest of the package — Neo4j's
 * semantic analysis (~1.5 MB gzip of TeaVM-compiled Java), its linter, formatter and test data; the editor's
 * diagnostics come from @opentruss/cypher's grammar of Memgraph's Cypher instead. A failed load (offline, blocked
 * chunk) is forgotten so the next call tries again; meanwhile completion offers every name unranked.
 */
export function loadLanguageLibrary(): Promise<CypherLanguageLibrary> {
  loading ??= import(
    /* webpackChunkName: "cypher-language-support", webpackExports: ["autocomplete"] */ '@neo4j-cypher/language-support'
  ).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
