import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  bindStatement,
  checkReadQuery,
  CYPHER_TEXTS,
  MACROS,
  refusalDiagnostic,
  refusalMessage,
  renderText,
  TIME_PARAMETER_DESCRIPTIONS,
  withoutPosition,
  withoutPositionText,
  type CypherText,
  type Translate,
} from '../src';

const variables = { valueOf: (name: string) => ({ label: ['A', 'B'], bad: 'x y', one: 'Lot' })[name] };
const bind = (cypher: string) => bindStatement(cypher, { __from: 0, __to: 1, __interval_ms: 1 }, variables);

// Texts from every part of the package: lexer, macros, binding, the read-only checker (parser and its lexer).
const PROBLEMS = [
  'MATCH (n) /* open',
  "RETURN 'open",
  'RETURN `open',
  'RETURN ${x',
  'RETURN $ 1',
  'RETURN $__nope(1)',
  'RETURN $__timeFilter',
  'RETURN $__timeFilter(a',
  'RETURN $__timeFilter(a, b)',
  'RETURN $__timeFilter()',
  "RETURN $__timeGroup(a, 'often')",
  'MATCH (n) WHERE n.x = $missing RETURN n',
  'RETURN ${one.field}',
  'RETURN ${one:csv}',
  'MATCH (n:${label:raw}) RETURN n',
  'MATCH (n:${bad:raw}) RETURN n',
  'MATCH (n) DETACH DELETE n',
  'SHOW CONFIG',
  'CALL create.node("A", {}) YIELD node RETURN node',
  'RETURN 1 +',
  'RETURN "\u0000"',
  'RETURN COUNT { MATCH (n) } AS c',
  'RETURN 99999999999999999999 AS n',
  'RETURN "\\q" AS s',
  'RETURN ~ AS s',
];

describe('every message is a code with parameters, rendered from one table', () => {
  const problems = PROBLEMS.flatMap((cypher) => bind(cypher).problems.map((problem) => ({ cypher, problem })));

  it('the English message is the table text with its parameters, nothing left unfilled', () => {
    expect(problems.length).toBeGreaterThanOrEqual(PROBLEMS.length);
    for (const { cypher, problem } of problems) {
      expect({ cypher, message: renderText(problem.diagnostic) }).toEqual({ cypher, message: problem.message });
      expect({ cypher, message: problem.message }).not.toEqual({ cypher, message: expect.stringMatching(/\{\{/) });
    }
  });

  it('a translation reaches every part of a message, nested texts included', () => {
    const codesOf = (text: CypherText): string[] => [
      text.code,
      ...Object.values(text.params ?? {}).flatMap((value) => (typeof value === 'object' ? codesOf(value) : [])),
    ];
    const seen: string[] = [];
    const marked: Translate = (code, _english, values) => {
      seen.push(code);
      return `<${code}|${Object.values(values).join('|')}>`;
    };
    const refused = bind('MATCH (n)\nCREATE (m)').problems[0];
    expect(renderText(refused.diagnostic, marked)).toBe(
      '<refusal.browser|<refusal.writes|CREATE>|2|1|<refusal.advice.read-only|>>'
    );
    for (const { problem } of problems) {
      seen.length = 0;
      renderText(problem.diagnostic, marked);
      expect(seen.sort()).toEqual(codesOf(problem.diagnostic).sort());
    }
  });

  it('an editor marker drops the position the same way in English and by code', () => {
    for (const { problem } of problems) {
      expect(renderText(withoutPositionText(problem.diagnostic))).toBe(withoutPosition(problem.message));
    }
  });

  it('the gateway and the browser word a refusal from the same texts', () => {
    const text = 'MATCH (n) SET n.x = 1';
    const checked = checkReadQuery(text);
    if (checked.ok) {
      throw new Error('accepted a write');
    }
    expect(renderText(refusalDiagnostic(checked.refusal, 'gateway', text))).toBe(
      refusalMessage(checked.refusal, 'gateway', text)
    );
    expect(checked.refusal.reason).toBe(renderText(checked.refusal.diagnostic));
  });

  it('help texts (macros, built-in parameters) come from the table too', () => {
    expect(MACROS.map((macro) => renderText(macro.description))).toEqual([
      expect.stringMatching(/^True when the timestamp lies within the dashboard time range/),
      expect.stringMatching(/^Start of the time bucket/),
      expect.stringMatching(/^The timestamp as epoch milliseconds/),
    ]);
    expect(Object.values(TIME_PARAMETER_DESCRIPTIONS).map((text) => renderText(text))).toHaveLength(4);
  });
});

describe('the table', () => {
  const source = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? source(path.join(dir, entry.name))
        : entry.name.endsWith('.ts') && entry.name !== 'texts.ts'
          ? [readFileSync(path.join(dir, entry.name), 'utf8')]
          : []
    );
  const code = source(path.resolve(__dirname, '../src')).join('\n');

  it('holds only codes the package uses (each named in its source)', () => {
    const unused = Object.keys(CYPHER_TEXTS).filter((key) => !code.includes(`'${key}'`));
    expect(unused).toEqual([]);
  });

  it('uses only {{name}} placeholders a translation tool reads (no {{{, no $t( nesting)', () => {
    for (const [key, text] of Object.entries(CYPHER_TEXTS)) {
      expect({ key, text }).toEqual({ key, text: expect.not.stringMatching(/\{\{\{|\$t\(|\{\{(?!\w+\}\})/) });
    }
  });
});
