// Every statement the product itself sends to Memgraph, as it reaches the wire: the bundled dashboards' and the
// editors' example queries (the catalogue) after binding with dashboard variables, the macros' help examples, the
// schema reader, the health check and its index advisor, and the business exporter's queries. The Bolt gateway
// must pass every one of them (tests), and the bench times their canonicalisation.
import { bindStatement, expandMacros, MACROS } from '@opentruss/cypher';
import { QUERY_CATALOGUE } from '@opentruss/opentruss-graph/queries';

import { INDEX_INFO_QUERY } from '../health/indexAdvisor';
import { PROBE_QUERY, VERSION_QUERY } from '../health/healthCheck';
import { timeParameters } from '../query/timeParameters';
import { SCHEMA_QUERIES } from '../schema/schemaQueries';

export interface ProductStatement {
  /** Who sends it, e.g. `dashboard:lots-by-status`, `schema:functions`. */
  source: string;
  text: string;
  parameters: Record<string, unknown>;
}

/** Dashboard variable values as a dashboard holds them (multi-value lists, a single lot). */
const VARIABLES: Record<string, unknown> = { project: ['project-1'], building: ['building-1', 'building-2'], lot: 'lot-1' };
const TIME = timeParameters({ fromMs: 1_714_521_600_000, toMs: 1_714_608_000_000, intervalMs: 60_000 }, 'UTC');

function bound(source: string, cypher: string): ProductStatement {
  const { text, parameters, problems } = bindStatement(cypher, TIME, { valueOf: (name) => VARIABLES[name] });
  if (problems.length > 0) {
    throw new Error(`${source} does not bind: ${problems.map((problem) => problem.message).join('; ')}`);
  }
  return { source, text, parameters };
}

export function productStatements(): ProductStatement[] {
  const fixed = (source: string, text: string): ProductStatement => ({ source, text, parameters: {} });
  return [
    ...QUERY_CATALOGUE.map((query) => bound(`catalogue:${query.id}`, query.cypher)),
    ...QUERY_CATALOGUE.filter((query) => query.uses.includes('exporter')).map((query) => ({
      source: `exporter:${query.id}`,
      text: expandMacros(query.cypher),
      parameters: { ...TIME, project: VARIABLES.project, building: VARIABLES.building },
    })),
    ...MACROS.map((macro) => bound(`macro-example:${macro.name}`, macro.example)),
    ...Object.entries(SCHEMA_QUERIES).map(([name, text]) => fixed(`schema:${name}`, text)),
    fixed('health:probe', PROBE_QUERY),
    fixed('health:version', VERSION_QUERY),
    fixed('index-advisor:index-info', INDEX_INFO_QUERY),
  ];
}
