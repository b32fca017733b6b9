// What the datasource reads through TemplateSrv, for each kind of variable and each reference syntax, in the style
// of Grafana's interpolationTruthTable.test.ts. Every row is checked twice: against real Grafana (a @grafana/scenes
// scene, see sceneReference.ts) and against the shared fake, so the fake cannot drift from Grafana unnoticed.
import type { ScopedVars } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

import { templateSrvVariables } from '../../query/variables';
import { fakeTemplateSrv, type FakeVariable } from './fakeTemplateSrv';
import { sceneTemplateSrv } from './sceneReference';

interface Setup {
  variables: FakeVariable[];
  scopedVars?: ScopedVars;
}

const OPTIONS = ['a', 'b', 'c'];

const SETUPS: Record<string, Setup> = {
  single: { variables: [{ name: 'x', current: 'b', options: OPTIONS }] },
  multi: { variables: [{ name: 'x', current: ['a', 'c'], options: OPTIONS, multi: true }] },
  'multi, one selected': { variables: [{ name: 'x', current: ['c'], options: OPTIONS, multi: true }] },
  'All without custom all value': {
    variables: [{ name: 'x', current: ['$__all'], options: OPTIONS, multi: true, includeAll: true }],
  },
  'All with custom all value': {
    variables: [{ name: 'x', current: ['$__all'], options: OPTIONS, multi: true, includeAll: true, allValue: '.*' }],
  },
  'scoped repeat value': {
    variables: [{ name: 'x', current: ['$__all'], options: OPTIONS, multi: true, includeAll: true }],
    scopedVars: { x: { text: 'b', value: 'b' } },
  },
  'unknown name': { variables: [{ name: 'y', current: 'b', options: OPTIONS }] },
};

/** What one reference yields: the value a format function receives (if it is called) and the texts replace() returns. */
interface Observed {
  formatFunctionReceives: unknown;
  withFormatFunction: string;
  withoutFormat: string;
}

const NOT_CALLED = 'format function not called';

function observe(templateSrv: TemplateSrv, reference: string, scopedVars?: ScopedVars): Observed {
  let received: unknown = NOT_CALLED;
  const withFormatFunction = templateSrv.replace(reference, scopedVars, (value: unknown) => {
    received = value;
    return '<formatted>';
  });
  return {
    formatFunctionReceives: received,
    withFormatFunction,
    withoutFormat: templateSrv.replace(reference, scopedVars),
  };
}

type Row = [setup: string, reference: string, expected: Observed];

const row = (setup: string, reference: string, receives: unknown, withFunction: string, without: string): Row => [
  setup,
  reference,
  { formatFunctionReceives: receives, withFormatFunction: withFunction, withoutFormat: without },
];

/** Every reference syntax yields the same for a variable: the rows for `$x`, `${x}` and `[[x]]`. */
const everySyntax = (setup: string, receives: unknown, withFunction: string, without: string): Row[] =>
  ['$x', '${x}', '[[x]]'].map((reference) => row(setup, reference, receives, withFunction, without));

const REFERENCE_ROWS: Row[] = [
  ...everySyntax('single', 'b', '<formatted>', 'b'),
  ...everySyntax('multi', ['a', 'c'], '<formatted>', '{a,c}'),
  ...everySyntax('multi, one selected', ['c'], '<formatted>', 'c'),
  ...everySyntax('All without custom all value', OPTIONS, '<formatted>', '{a,b,c}'),
  ...everySyntax('All with custom all value', NOT_CALLED, '.*', '.*'),
  ...everySyntax('scoped repeat value', 'b', '<formatted>', 'b'),
  row('unknown name', '$x', NOT_CALLED, '$x', '$x'),
  row('unknown name', '${x}', NOT_CALLED, '${x}', '${x}'),
  row('unknown name', '[[x]]', NOT_CALLED, '[[x]]', '[[x]]'),
];

/** `templateSrvVariables(templateSrv).valueOf('x')` for each setup. */
const VALUE_OF_ROWS: Array<[setup: string, value: unknown]> = [
  ['single', 'b'],
  ['multi', ['a', 'c']],
  ['multi, one selected', ['c']],
  ['All without custom all value', OPTIONS],
  ['All with custom all value', '.*'],
  ['scoped repeat value', 'b'],
  ['unknown name', undefined],
];

/** A format in the reference wins over the caller's format function; the rows give the text for each setup. */
const FORMAT_ROWS: Array<[reference: string, texts: Record<string, string>]> = [
  [
    '${x:csv}',
    { single: 'b', multi: 'a,c', 'All without custom all value': 'a,b,c', 'All with custom all value': '.*' },
  ],
  [
    '[[x:csv]]',
    { single: 'b', multi: 'a,c', 'All without custom all value': 'a,b,c', 'All with custom all value': '.*' },
  ],
  [
    '${x:pipe}',
    { single: 'b', multi: 'a|c', 'All without custom all value': 'a|b|c', 'All with custom all value': '.*' },
  ],
  [
    '${x:raw}',
    { single: 'b', multi: 'a,c', 'All without custom all value': 'a,b,c', 'All with custom all value': '.*' },
  ],
  [
    '${x:json}',
    {
      single: 'b',
      multi: '["a","c"]',
      'All without custom all value': '["a","b","c"]',
      'All with custom all value': '.*',
    },
  ],
  [
    '${x:singlequote}',
    {
      single: "'b'",
      multi: "'a','c'",
      'All without custom all value': "'a','b','c'",
      'All with custom all value': '.*',
    },
  ],
  [
    '${x:doublequote}',
    {
      single: '"b"',
      multi: '"a","c"',
      'All without custom all value': '"a","b","c"',
      'All with custom all value': '.*',
    },
  ],
  [
    '${x:text}',
    { single: 'b', multi: 'a + c', 'All without custom all value': 'All', 'All with custom all value': 'All' },
  ],
];

const FORMAT_CASES = FORMAT_ROWS.flatMap(([reference, texts]) =>
  Object.entries(texts).map(([setup, text]) => [setup, reference, text] as const)
);

describe.each([
  ['real Grafana (@grafana/scenes)', sceneTemplateSrv],
  ['the shared fake TemplateSrv', fakeTemplateSrv],
])('interpolation truth table: %s', (_name, templateSrvFor) => {
  const templateSrv = (setup: string) => templateSrvFor(SETUPS[setup].variables);

  it.each(REFERENCE_ROWS)('%s, %s', (setup, reference, expected) => {
    expect(observe(templateSrv(setup), reference, SETUPS[setup].scopedVars)).toEqual(expected);
  });

  it.each(VALUE_OF_ROWS)('valueOf, %s', (setup, value) => {
    expect(templateSrvVariables(templateSrv(setup), SETUPS[setup].scopedVars).valueOf('x')).toEqual(value);
  });

  it.each(FORMAT_CASES)('%s, %s', (setup, reference, text) => {
    expect(templateSrv(setup).replace(reference, SETUPS[setup].scopedVars, () => '<formatted>')).toBe(text);
  });
});
