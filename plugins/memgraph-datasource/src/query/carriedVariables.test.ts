import type { MemgraphQuery } from '@opentruss/contract';

import { withCarriedValues, withVariableValues } from './carriedVariables';
import type { VariableSource, VariableValue } from './variables';

const source = (values: Record<string, VariableValue>): VariableSource => ({
  valueOf: (name) => new Map(Object.entries(values)).get(name),
  names: () => Object.keys(values),
});
const query = (cypher: string, extra: Partial<MemgraphQuery> = {}): MemgraphQuery => ({ refId: 'A', cypher, ...extra });

describe('withVariableValues', () => {
  it('carries the values of the variables the Cypher references, in every syntax, and leaves the text alone', () => {
    const cypher = 'MATCH (n) WHERE n.p = $project AND n.s IN ${status} AND n.l = [[level]] RETURN n.${key:raw}';
    const dashboard = source({ project: 'P-1', status: ['A', 'B'], level: 'L1', key: 'name', unused: 'x' });
    expect(withVariableValues(query(cypher), dashboard)).toEqual({
      refId: 'A',
      cypher,
      variableValues: { project: 'P-1', status: ['A', 'B'], level: 'L1', key: 'name' },
    });
  });

  it('carries no global variables, and nothing the dashboard does not define', () => {
    const cypher = 'MATCH (n) WHERE $__timeFilter(n.t) AND n.t > ${__from} AND n.x = $missing RETURN [[1, 2]]';
    const q = query(cypher);
    expect(withVariableValues(q, source({ __from: '1', __timeFilter: 'x' }))).toBe(q);
  });

  it('updates values it carried before and keeps the others', () => {
    const q = query('RETURN $a, $b', { variableValues: { a: 'old', c: 'kept' } });
    expect(withVariableValues(q, source({ a: 'new', b: 'b' })).variableValues).toEqual({ a: 'new', b: 'b', c: 'kept' });
  });

  it('leaves a query whose text does not tokenise unchanged', () => {
    const q = query("RETURN 'unterminated");
    expect(withVariableValues(q, source({}))).toBe(q);
  });
});

describe('withCarriedValues', () => {
  it("prefers the dashboard's own value and falls back to the carried one", () => {
    const variables = withCarriedValues(source({ a: 'dashboard' }), { a: 'carried', b: 'carried' });
    expect(variables.valueOf('a')).toBe('dashboard');
    expect(variables.valueOf('b')).toBe('carried');
    expect(variables.valueOf('toString')).toBeUndefined();
    expect(variables.names?.()).toEqual(['a', 'b']);
  });

  it('is the source itself when nothing is carried', () => {
    const plain = source({ a: '1' });
    expect(withCarriedValues(plain, undefined)).toBe(plain);
    expect(withCarriedValues(plain, {})).toBe(plain);
  });
});
