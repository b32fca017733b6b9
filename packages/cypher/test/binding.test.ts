import { bindStatement, bindTokens, checkReadQuery, expandMacros, refusalMessage, statementKind, tokenize, type BindingVariables } from '../src';
import * as lexer from '../src/lexer';

// Counts the lexer's calls (every module of the package imports it from here) while keeping its behaviour.
jest.mock('../src/lexer', () => {
  const actual = jest.requireActual('../src/lexer');
  return { ...actual, tokenize: jest.fn(actual.tokenize) };
});
const lexerCalls = () => (lexer.tokenize as jest.Mock).mock.calls.map(([text]) => text as string);

const builtIns = { __from: 1, __to: 2, __interval_ms: 3, __datasource_timezone: 'UTC' };
const values = (map: Record<string, unknown>): BindingVariables => ({ valueOf: (name) => map[name] });
const bind = (cypher: string, map: Record<string, unknown> = {}) => bindStatement(cypher, builtIns, values(map));

beforeEach(() => (lexer.tokenize as jest.Mock).mockClear());

describe('bindStatement lexes the text once', () => {
  it('runs the guard, the macro expander and the references over one token list when there is no macro', () => {
    const cypher = 'MATCH (n) WHERE n.id = $id AND n.s IN ${s} RETURN n';
    expect(bind(cypher, { id: 1, s: ['a'] }).text).toBe('MATCH (n) WHERE n.id = $id AND n.s IN $s RETURN n');
    expect(lexerCalls()).toEqual([cypher]);
  });

  it('lexes nothing more when given the tokens', () => {
    const cypher = 'MATCH (n) WHERE n.id = $id RETURN n';
    const tokens = tokenize(cypher);
    (lexer.tokenize as jest.Mock).mockClear();
    expect(bindTokens(cypher, tokens, builtIns, values({ id: 1 })).problems).toEqual([]);
    expect(lexerCalls()).toEqual([]);
  });

  it('re-lexes the whole text only once more, the expansion, when a macro was present', () => {
    const cypher = 'MATCH (h) WHERE $__timeFilter(h.t) RETURN h';
    const { text } = bind(cypher);
    expect(text).toBe(expandMacros(cypher));
    (lexer.tokenize as jest.Mock).mockClear();
    bind(cypher);
    expect(lexerCalls().filter((lexed) => lexed.length >= cypher.length)).toEqual([cypher, text]);
  });
});

describe('bindStatement', () => {
  it('says SHOW statements are show, everything else read', () => {
    expect(bind('SHOW INDEX INFO').kind).toBe('show');
    expect(bind('// storage\n  show storage info').kind).toBe('show');
    expect(bind('MATCH (n) RETURN n').kind).toBe('read');
    expect(bind("RETURN 'SHOW'").kind).toBe('read');
    expect(bind('`SHOW`').kind).toBe('read');
    expect(statementKind('SHOW VERSION')).toBe('show');
  });

  it('refuses writes at their offset in the text the user wrote, with the read-only checker\'s message', () => {
    const cypher = 'MATCH (n)\nDETACH DELETE n';
    const { problems } = bind(cypher);
    expect(problems).toEqual([
      {
        kind: 'write-refused',
        message: expect.stringMatching(/^Refused in the browser before sending: this query writes \(DETACH DELETE\) at line 2, column 1\. /),
        diagnostic: {
          code: 'refusal.browser',
          params: {
            reason: { code: 'refusal.writes', params: { clause: 'DETACH DELETE' } },
            line: 2,
            column: 1,
            advice: { code: 'refusal.advice.read-only' },
          },
        },
        start: 10,
        end: expect.any(Number),
      },
    ]);
    expect(cypher.slice(problems[0].start, problems[0].end)).toMatch(/^DETACH/);
    const checked = checkReadQuery(cypher);
    expect(problems[0].message).toBe(checked.ok ? undefined : refusalMessage(checked.refusal, 'browser', cypher));
  });

  it('places a refusal found after a macro expanded in the text the user wrote', () => {
    const cypher = 'MATCH (h) WHERE $__timeFilter(h.t)\n  // then\n  SET h.x = 1';
    const { problems } = bind(cypher);
    expect(problems.map(({ kind, start, end }) => [kind, cypher.slice(start, end)])).toEqual([['write-refused', expect.stringMatching(/^SET/)]]);
    expect(problems[0].message).toMatch(/ at line 3, column 3\. /);
  });

  it('refuses with a syntax problem what is not Cypher it reads, after the macros expanded', () => {
    const cypher = 'MATCH (h) WHERE $__timeFilter(h.t) RETURN h ORDER h';
    const { problems } = bind(cypher);
    expect(problems).toEqual([expect.objectContaining({ kind: 'query', start: cypher.indexOf('h', cypher.indexOf('ORDER')) })]);
  });

  it('reports text that does not lex as its only problem', () => {
    expect(bind("RETURN 'open, $x")).toMatchObject({
      problems: [{ kind: 'query', message: expect.stringContaining('Unterminated string'), start: 7, end: 8 }],
    });
  });

  it('keeps offsets into the user text after a macro and reports reference problems before missing parameters', () => {
    const cypher = 'MATCH (h) WHERE $__timeFilter(h.t) AND h.a = $lot RETURN ${s:csv}, $lot, ${p.f}';
    const { problems } = bind(cypher, { s: 'x', p: 'y' });
    expect(problems.map(({ kind, start, end }) => [kind, cypher.slice(start, end)])).toEqual([
      ['query', '${s:csv}'],
      ['query', '${p.f}'],
      ['missing-parameter', '$lot'],
    ]);
    expect(problems[2].start).toBe(cypher.indexOf('$lot'));
  });

  it('binds variables inside macro arguments and never asks for macro names or $__interval as an interval', () => {
    const asked: string[] = [];
    const variables: BindingVariables = { valueOf: (name) => (asked.push(name), name === 'f' ? 'created_at' : undefined) };
    const cypher = 'RETURN $__timeGroup(h.${f:raw}, ${__interval}), $__epochMs($__from)';
    const { text, problems } = bindStatement(cypher, builtIns, variables);
    expect(problems).toEqual([]);
    expect(text).toBe(expandMacros(cypher).replace(/\$\{f:raw\}/g, '`created_at`'));
    expect(asked).toEqual(['f']);
  });

  it('reports a malformed macro once, not also its name as a missing parameter', () => {
    expect(bind('RETURN $__nope(1), $__timeFilter').problems).toEqual([
      expect.objectContaining({ kind: 'query', message: expect.stringContaining('Unknown macro $__nope'), start: 7 }),
    ]);
  });

  it('checks the bound statement again: a raw value may name a procedure after CALL', () => {
    const cypher = 'CALL ${module:raw}.run() YIELD x RETURN x';
    const { problems, text } = bind(cypher, { module: 'periodic' });
    expect(text).toBe('CALL `periodic`.run() YIELD x RETURN x');
    // Placed at the reference whose value named the procedure.
    expect(problems).toEqual([
      expect.objectContaining({ kind: 'write-refused', message: expect.stringContaining('(CALL periodic.run)'), start: 5 }),
    ]);
    expect(cypher.slice(problems[0].start, problems[0].end)).toMatch(/^\$\{module:raw\}/);
  });

  it('turns values into parameters through the hook and leaves built-ins and nested lists alone', () => {
    const { text, parameters, problems } = bindStatement(
      'WITH 1 AS x RETURN $n, [[x]], $__from',
      builtIns,
      values({ n: 2 }),
      { toParameter: (value) => `<${String(value)}>` }
    );
    expect(problems).toEqual([]);
    expect(text).toBe('WITH 1 AS x RETURN $n, [[x]], $__from');
    expect(parameters).toEqual({ ...builtIns, n: '<2>' });
  });

  it('counts a listed name without a value as a variable, skipping the checks that need the value', () => {
    const listed: BindingVariables = { valueOf: () => undefined, names: () => ['label', 'id'] };
    const { text, parameters, problems } = bindStatement('MATCH (n:${label:raw}) WHERE n.id = $id RETURN $other', builtIns, listed);
    expect(problems.map((p) => [p.kind, p.message])).toEqual([
      ['missing-parameter', expect.stringContaining('Parameter $other has no value')],
    ]);
    expect(text).toBe('MATCH (n:${label:raw}) WHERE n.id = $id RETURN $other');
    expect(parameters).toEqual(builtIns);
  });

  it('names each missing parameter once, at its first occurrence', () => {
    const cypher = 'RETURN $a, $b, $a';
    expect(bind(cypher).problems.map((p) => [p.kind, p.start, p.end])).toEqual([
      ['missing-parameter', 7, 9],
      ['missing-parameter', 11, 13],
    ]);
  });
});
