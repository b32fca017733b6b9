import { t } from '@grafana/i18n';
import { PLAIN_TEXT } from '@opentruss/contract';

/**
 * Functions Neo4j has and Memgraph lacks (Memgraph docs, "Differences in Cypher implementations"), with what to use
 * instead. A query using them passes Neo4j's parser, so the editor warns itself.
 */
export const NEO4J_ONLY_FUNCTIONS: Readonly<Record<string, () => string>> = {
  shortestpath: () =>
    t(
      'diagnostics.neo4j-only.shortest-path',
      'Memgraph has no shortestPath(): use a BFS expansion, e.g. MATCH p = (a)-[*BFS]->(b)'
    ),
  allshortestpaths: () =>
    t(
      'diagnostics.neo4j-only.all-shortest-paths',
      'Memgraph has no allShortestPaths(): use MATCH p = (a)-[*ALLSHORTEST (r, n | 1)]->(b)'
    ),
  nullif: () =>
    t('diagnostics.neo4j-only.null-if', 'Memgraph has no nullIf(): use CASE WHEN a = b THEN null ELSE a END'),
  percentilecont: () => missing('percentileCont'),
  percentiledisc: () => missing('percentileDisc'),
  stdev: () => missing('stDev'),
  stdevp: () => missing('stDevP'),
  isnan: () => missingUse('isNaN', 'x <> x'),
  cot: () => missingUse('cot', '1 / tan(x)'),
  degrees: () => missingUse('degrees', 'x * 180 / pi()'),
  radians: () => missingUse('radians', 'x * pi() / 180'),
  haversin: () => missingUse('haversin', '(1 - cos(x)) / 2'),
  normalize: () => missing('normalize'),
  time: () =>
    t(
      'diagnostics.neo4j-only.time',
      'Memgraph has no time() (no zoned time type): use localTime() or datetime()'
    ),
};

function missing(name: string): string {
  return t('diagnostics.neo4j-only.missing', 'Memgraph has no {{name}}()', { name, ...PLAIN_TEXT });
}

function missingUse(name: string, instead: string): string {
  return t('diagnostics.neo4j-only.missing-use', 'Memgraph has no {{name}}(): use {{instead}}', {
    name,
    instead,
    ...PLAIN_TEXT,
  });
}
