import type { CypherDiagnostic } from './diagnostic';
import type { MaskedCypher } from './dialect';
import type { CypherLanguageLibrary } from './languageLibrary';
import type { QueryContext } from './queryContext';

/** Above this size the (synchronous, main-thread) Neo4j analysis is skipped; Memgraph still checks on Run. */
const MAX_ANALYSED_LENGTH = 20_000;

/**
 * Library diagnostics that are Neo4j's opinion, not Memgraph's — dropped, each for a reason:
 * - deprecations (e.g. `id()`, which is Memgraph's node id and not deprecated there);
 * - "`exists(n.prop)` is no longer supported": Memgraph supports it;
 * - undefined parameters: the datasource's own check knows Grafana's variables and says what to do;
 * - shortest-path advice: Memgraph has no shortestPath() (the datasource warns about that itself).
 */
const NEO4J_ONLY = [/deprecated/i, /exists\(variable\.property\)/, /^Parameter \$.* is not defined\.$/, /shortest path/i];

function overlaps(d: { start: number; end: number }, r: { start: number; end: number }): boolean {
  return d.start < r.end && r.start < Math.max(d.end, d.start + 1);
}

/**
 * Runs Neo4j's parser and semantic analysis on the masked query (see maskForNeo4j) and keeps what also holds for
 * Memgraph: syntax errors, undefined variables, type errors, labels / types / properties missing from the schema.
 */
export function libraryDiagnostics(
  library: CypherLanguageLibrary,
  masked: MaskedCypher,
  context: QueryContext
): CypherDiagnostic[] {
  if (masked.text.trim() === '' || masked.text.length > MAX_ANALYSED_LENGTH) {
    return [];
  }
  const schema = context.schema;
  const { diagnostics } = library.lintCypherQuery(masked.text, {
    ...(schema?.labels.length ? { labels: schema.labels } : {}),
    ...(schema?.relationshipTypes.length ? { relationshipTypes: schema.relationshipTypes } : {}),
    ...(schema?.propertyKeys.length ? { propertyKeys: schema.propertyKeys } : {}),
  });
  return diagnostics.flatMap((d): CypherDiagnostic[] => {
    const message = typeof d.message === 'string' ? d.message : d.message.value;
    const span = { start: d.offsets.start, end: d.offsets.end };
    const undefinedVariable = /^Variable `(.+)` not defined/.exec(message)?.[1];
    const dropped =
      (d.severity !== 1 && d.severity !== 2) ||
      NEO4J_ONLY.some((pattern) => pattern.test(message)) ||
      (undefinedVariable !== undefined && masked.expansionVariables.has(undefinedVariable)) ||
      masked.regions.some((region) => overlaps(span, region));
    return dropped
      ? []
      : [{ severity: d.severity === 1 ? 'error' : 'warning', message, ...span, source: 'cypher' }];
  });
}
