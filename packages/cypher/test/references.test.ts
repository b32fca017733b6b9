import { bindStatement, findVariableReferences } from '../src';

describe('variable references', () => {
  const query =
    'MATCH (n:${label:raw}) WHERE n.status IN $status AND n.p = [[project]] AND n.b = ${building}\n' +
    "  AND n.note <> '$notAVariable' // $neither\n RETURN n.`$nor`";

  it('finds every reference in code with its syntax and format, and none in strings, comments or backticks', () => {
    expect(findVariableReferences(query).map((r) => [r.name, r.syntax, r.format, r.text])).toEqual([
      ['label', 'braces', 'raw', '${label:raw}'],
      ['status', 'dollar', undefined, '$status'],
      ['project', 'brackets', undefined, '[[project]]'],
      ['building', 'braces', undefined, '${building}'],
    ]);
  });

  it('binding rewrites only the references and copies everything else byte for byte', () => {
    const values: Record<string, unknown> = { label: 'Element', status: ['A'], project: 'p', building: 'b' };
    const bound = bindStatement(query, {}, { valueOf: (name) => values[name] });
    expect(bound.problems).toEqual([]);
    expect(bound.text).toBe(
      'MATCH (n:`Element`) WHERE n.status IN $status AND n.p = $project AND n.b = $building\n' +
        "  AND n.note <> '$notAVariable' // $neither\n RETURN n.`$nor`"
    );
  });
});
