/**
 * Every statement the product itself sends passes the read-only checker: the app's dashboards (after the binding
 * engine expands macros and variables, i.e. the text actually sent), the query catalogue (editor examples and
 * the business exporter run these), the datasource's schema reader, health check and index advisor, and the business
 * exporter's SHOW STORAGE INFO statements.
 */
import { DASHBOARD_VARIABLES, QUERY_CATALOGUE } from '@opentruss/opentruss-graph';
import fs from 'node:fs';
import path from 'node:path';
import { INDEX_INFO_QUERY } from '../../../../plugins/memgraph-datasource/src/health/indexAdvisor';
import { VERSION_QUERY } from '../../../../plugins/memgraph-datasource/src/health/healthCheck';
import { SCHEMA_QUERIES } from '../../../../plugins/memgraph-datasource/src/schema/schemaQueries';
import { STORAGE_INFO } from '../../../bolt-protocol/src/memgraph-info';
import { bindStatement, type BindingVariables } from '../../src';
import { checkReadQuery } from '../../src/readOnly';

const REPO = path.resolve(__dirname, '../../../..');
const DASHBOARDS = path.join(REPO, 'plugins/opentruss-app/src/dashboards');

const builtIns = {
  __from: 1_700_000_000_000,
  __to: 1_700_086_400_000,
  __interval_ms: 60_000,
  __datasource_timezone: 'UTC',
};
/** Sample values: a list for multi-value variables, a string otherwise (both bind as parameters). */
const sampleVariables: BindingVariables = {
  valueOf: (name) => (DASHBOARD_VARIABLES.some((v) => v.name === name && v.multi) ? ['p1', 'p2'] : 'sample'),
};

function dashboardCypher(): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  const walk = (value: unknown, where: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, k) => walk(item, `${where}[${k}]`));
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === 'cypher' && typeof child === 'string') {
          found.push([`${where}.cypher`, child]);
        } else {
          walk(child, `${where}.${key}`);
        }
      }
    }
  };
  for (const file of fs
    .readdirSync(DASHBOARDS)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    walk(JSON.parse(fs.readFileSync(path.join(DASHBOARDS, file), 'utf8')), file);
  }
  return found;
}

function accepted(text: string): string {
  const checked = checkReadQuery(text, { queryMemoryLimitMb: 1024 });
  if (!checked.ok) {
    return `refused: ${JSON.stringify(checked.refusal)}`;
  }
  const again = checkReadQuery(checked.canonical, { queryMemoryLimitMb: 1024 });
  return again.ok && again.canonical === checked.canonical ? 'accepted' : `canonical not stable: ${checked.canonical}`;
}

describe('the dashboards’ Cypher, as the binding engine sends it', () => {
  const statements = dashboardCypher();

  it('finds the dashboards’ queries', () => {
    expect(statements.length).toBeGreaterThan(10);
  });

  it.each(statements)('%s', (_where, cypher) => {
    const bound = bindStatement(cypher, builtIns, sampleVariables);
    expect(bound.problems).toEqual([]);
    expect(accepted(bound.text)).toBe('accepted');
  });
});

describe('the query catalogue (editor examples, business exporter)', () => {
  it.each(QUERY_CATALOGUE.map((query) => [query.id, query.cypher]))('%s', (_id, cypher) => {
    const bound = bindStatement(cypher, builtIns, sampleVariables);
    expect(bound.problems).toEqual([]);
    expect(accepted(bound.text)).toBe('accepted');
  });
});

describe('the datasource’s own statements', () => {
  it.each([...Object.entries(SCHEMA_QUERIES), ['index advisor', INDEX_INFO_QUERY], ['health check', VERSION_QUERY]])(
    '%s',
    (_name, text) => {
      expect(accepted(text)).toBe('accepted');
    }
  );

  it('runs the SHOW statements auto-commit (kind show)', () => {
    for (const text of [SCHEMA_QUERIES.nodeLabelsInfo, SCHEMA_QUERIES.edgeTypesInfo, INDEX_INFO_QUERY, VERSION_QUERY]) {
      const checked = checkReadQuery(text);
      expect(checked.ok && checked.kind).toBe('show');
    }
  });
});

describe('the business exporter’s storage statements', () => {
  it.each(Object.entries(STORAGE_INFO.statements))('%s is accepted and runs auto-commit (kind show)', (_name, text) => {
    expect(accepted(text)).toBe('accepted');
    const checked = checkReadQuery(text);
    expect(checked.ok && [checked.kind, checked.canonical]).toEqual(['show', text]);
  });
});
