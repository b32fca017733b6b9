import { bindStatement, withoutPosition } from '@opentruss/cypher';

import { MemgraphError } from '../../model/memgraphError';
import { prepareStatement } from '../../query/prepareStatement';
import { timeParameters } from '../../query/timeParameters';
import type { VariableValue } from '../../query/variables';
import { datasourceDiagnostics } from './datasourceDiagnostics';
import type { QueryContext } from './queryContext';

const time = timeParameters({ fromMs: 1_714_521_600_000, toMs: 1_714_608_000_000, intervalMs: 60_000 }, 'UTC');

/** The panel's error for `cypher`, or undefined when it prepares. */
function panelError(cypher: string, values: Record<string, VariableValue>): MemgraphError | undefined {
  try {
    prepareStatement(cypher, time, { valueOf: (name) => values[name] });
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(MemgraphError);
    return error as MemgraphError;
  }
}

/** The editor's errors for `cypher`, on a dashboard whose variables are `values`. */
function editorErrors(cypher: string, values: Record<string, VariableValue>) {
  const context: QueryContext = { variables: Object.keys(values), variableValue: (name) => values[name] };
  return datasourceDiagnostics(cypher, context).filter((d) => d.severity === 'error');
}

describe('the panel and the editor refuse the same queries with the same words', () => {
  it.each<[string, string, Record<string, VariableValue>, MemgraphError['kind']]>([
    ['a write clause', 'MATCH (n)\nDETACH DELETE n', {}, 'write-refused'],
    ['an administrative statement', 'SHOW USERS', {}, 'write-refused'],
    ['a write procedure', 'CALL create.node(["X"], {}) YIELD node RETURN node', {}, 'write-refused'],
    [
      'a procedure named by a raw value',
      'CALL ${module:raw}.run() YIELD x RETURN x',
      { module: 'periodic' },
      'write-refused',
    ],
    ['the :csv format', 'MATCH (n) WHERE n.s IN ${status:csv} RETURN n', { status: ['A'] }, 'query'],
    ['the :json format in brackets', 'RETURN [[status:json]]', { status: ['A'] }, 'query'],
    ['a variable field', 'RETURN ${status.text}', { status: ['A'] }, 'query'],
    ['a missing $x', 'MATCH (n) WHERE n.id = $lot RETURN n', {}, 'missing-parameter'],
    ['a format on a missing variable', 'MATCH (n) WHERE n.id IN ${lot:csv} RETURN n', {}, 'missing-parameter'],
    [
      'a raw value that is no identifier',
      'MATCH (n:${label:raw}) RETURN n',
      { label: 'X) DETACH DELETE n //' },
      'query',
    ],
    ['a raw value with two values', 'MATCH (n:${label:raw}) RETURN n', { label: ['A', 'B'] }, 'query'],
    ['an unterminated string', "MATCH (n)\nRETURN 'open", {}, 'query'],
    ['an unterminated comment', 'RETURN 1 /* open', {}, 'query'],
    ['a lone $', 'RETURN $ + 1', {}, 'query'],
    ['a macro with a bad interval', "RETURN $__timeGroup(n.t, 'soon')", {}, 'query'],
    ['a macro with too few arguments', 'RETURN $__timeGroup(n.t)', {}, 'query'],
    ['a macro with an empty argument', 'RETURN $__epochMs( )', {}, 'query'],
    ['an unknown macro', 'RETURN $__timeFilterr(n.t)', {}, 'query'],
    ['a macro name without a call', 'MATCH (n) WHERE $__timeFilter RETURN n', {}, 'query'],
  ])('%s: %j', (_what, cypher, values, kind) => {
    const engine = bindStatement(cypher, time, { valueOf: (name) => values[name] }).problems[0];
    const panel = panelError(cypher, values);
    const editor = editorErrors(cypher, values);

    expect(panel?.kind).toBe(kind);
    expect(panel?.message).toBe(engine.message);
    expect(editor[0]?.message).toBe(withoutPosition(panel!.message));
    expect(editor[0]?.start).toBe(engine.start);
    expect(editor[0]?.end).toBe(engine.end);
  });

  it.each<[string, string, Record<string, VariableValue>]>([
    ['a nested list [[x]] of no variable', 'WITH 1 AS x RETURN [[x]] AS nested', {}],
    ['brackets with a format, of no variable: Cypher, not a variable', 'WITH 1 AS x RETURN [[x:y]] AS nested', {}],
    // A panel's TemplateSrv knows Grafana's globals (its scoped values); the editor knows their names.
    [
      'a Grafana global variable',
      'RETURN $__interval AS i, ${__range_ms} AS r',
      { __interval: '1m', __range_ms: '60000' },
    ],
    ['$__interval as a $__timeGroup interval', 'MATCH (n) RETURN $__timeGroup(n.t, $__interval) AS t', {}],
  ])('%s is accepted by both: %j', (_what, cypher, values) => {
    expect(panelError(cypher, values)).toBeUndefined();
    const dashboard = Object.entries(values).filter(([name]) => !name.startsWith('__'));
    expect(editorErrors(cypher, Object.fromEntries(dashboard))).toEqual([]);
  });

  it('names every missing parameter in the panel and marks each at its first use in the editor', () => {
    const cypher = 'RETURN $a, $b, $a';
    const messages = editorErrors(cypher, {}).map((d) => [cypher.slice(d.start, d.end), d.message]);
    expect(messages.map(([at]) => at)).toEqual(['$a', '$b']);
    expect(panelError(cypher, {})?.message).toBe(messages.map(([, message]) => message).join(' '));
  });
});
