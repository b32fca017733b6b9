import type { monacoTypes } from '@grafana/ui';

import { MACROS } from '@opentruss/cypher';

import { CYPHER_KEYWORDS, MEMGRAPH_EXPANSIONS } from './keywords';
import { MEMGRAPH_FUNCTIONS } from './memgraphFunctions';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Monarch tokens for Memgraph Cypher with Grafana's additions. Token names map to the theme's colours: macros and
 * built-in parameters as `predefined`, Grafana variables (`${x}`, `[[x]]`) as `variable`, labels and relationship
 * types after `:` as `type`. Keywords are case-insensitive, like Cypher's.
 */
export const CYPHER_MONARCH: monacoTypes.languages.IMonarchLanguage & Record<string, unknown> = {
  ignoreCase: true,
  defaultToken: '',
  tokenPostfix: '.cypher',
  keywords: [...CYPHER_KEYWORDS, ...MEMGRAPH_EXPANSIONS].map((k) => k.toLowerCase()),
  functions: MEMGRAPH_FUNCTIONS.filter((f) => !f.name.includes('.')).map((f) => f.name.toLowerCase()),
  macros: new RegExp(`\\$(?:${MACROS.map((m) => escape(m.name.slice(1))).join('|')})\\b`),
  tokenizer: {
    root: [
      { include: '@whitespace' },
      [/@macros/, 'predefined'],
      [/\$__\w+/, 'predefined'],
      [/\$\{[^}]*\}/, 'variable'],
      [/\[\[\w+(?::\w+)?\]\]/, 'variable'],
      [/\$`[^`]*`/, 'variable.parameter'],
      [/\$\w+/, 'variable.parameter'],
      [/:\s*`[^`]*`/, 'type'],
      [/:\s*[A-Za-z_]\w*/, 'type'],
      [/`[^`]*`/, 'identifier'],
      [
        /[A-Za-z_]\w*(?=\s*\()/,
        { cases: { '@functions': 'predefined', '@keywords': 'keyword', '@default': 'identifier' } },
      ],
      [/[A-Za-z_]\w*/, { cases: { '@keywords': 'keyword', '@default': 'identifier' } }],
      [/0x[0-9a-fA-F]+/, 'number.hex'],
      [/\d+\.\d+([eE][+-]?\d+)?/, 'number.float'],
      [/\d+/, 'number'],
      [/'/, 'string', '@singleQuoted'],
      [/"/, 'string', '@doubleQuoted'],
      [/[{}()[\]]/, '@brackets'],
      [/[<>=!+\-*/%^|.,;:]+/, 'operator'],
    ],
    whitespace: [
      [/\s+/, 'white'],
      [/\/\/.*$/, 'comment'],
      [/\/\*/, 'comment', '@blockComment'],
    ],
    blockComment: [
      [/[^*]+/, 'comment'],
      [/\*\//, 'comment', '@pop'],
      [/\*/, 'comment'],
    ],
    singleQuoted: [
      [/[^\\']+/, 'string'],
      [/\\./, 'string.escape'],
      [/'/, 'string', '@pop'],
    ],
    doubleQuoted: [
      [/[^\\"]+/, 'string'],
      [/\\./, 'string.escape'],
      [/"/, 'string', '@pop'],
    ],
  },
};

export const CYPHER_LANGUAGE_CONFIGURATION: monacoTypes.languages.LanguageConfiguration = {
  comments: { lineComment: '//', blockComment: ['/*', '*/'] },
  brackets: [
    ['{', '}'],
    ['[', ']'],
    ['(', ')'],
  ],
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '(', close: ')' },
    { open: "'", close: "'", notIn: ['string', 'comment'] },
    { open: '"', close: '"', notIn: ['string', 'comment'] },
    { open: '`', close: '`', notIn: ['string', 'comment'] },
  ],
  // `$` belongs to the word, so `$__ti` completes to `$__timeFilter(…)` as a whole.
  wordPattern: /(-?\d*\.\d\w*)|(\$?[A-Za-z_]\w*)/g,
};
