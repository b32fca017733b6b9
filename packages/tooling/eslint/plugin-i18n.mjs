// Grafana's i18n rules for the plugins' code (both plugins: one configuration). Every user-visible string goes
// through t() / <Trans> with its English default; the Chinese lives in src/locales/zh-Hans only, so a Chinese
// literal in code — a hard-coded "中文 / English" pair included — is an error.
import grafanaI18nPlugin from '@grafana/i18n/eslint-plugin';

const HAN = '[\\u3400-\\u9fff\\uf900-\\ufaff\\u3000-\\u303f\\uff01-\\uff5e]';
const message =
  'No Chinese in code: give the English default to t()/<Trans> and the Chinese to src/locales/zh-Hans (docs/i18n.md).';
// i18next HTML-escapes interpolated values by default, and React escapes again: a quote in a value would show as
// &quot;. Every t() that puts values in says it is plain text.
const plainText =
  "t() with values: spread PLAIN_TEXT (@opentruss/contract) into them, or a value's quote shows as &quot; (docs/i18n.md).";

export const pluginI18nRules = [
  {
    name: 'opentruss/i18n',
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}', 'src/testing/**'],
    plugins: { '@grafana/i18n': grafanaI18nPlugin },
    rules: {
      '@grafana/i18n/no-untranslated-strings': ['error', { calleesToIgnore: ['^css$', '^use[A-Z].*'] }],
      '@grafana/i18n/no-translation-top-level': 'error',
      '@grafana/i18n/t-plural-defaults': 'error',
      '@grafana/i18n/trans-plural-defaults': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: `Literal[value=/${HAN}/]`, message },
        { selector: `TemplateElement[value.raw=/${HAN}/]`, message },
        { selector: `JSXText[value=/${HAN}/]`, message },
        {
          selector:
            "CallExpression[callee.name='t'] > ObjectExpression:not(:has(> SpreadElement[argument.name='PLAIN_TEXT']))",
          message: plainText,
        },
      ],
    },
  },
];
