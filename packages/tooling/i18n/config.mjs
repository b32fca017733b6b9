// The i18next-cli configuration both plugins extract their strings with (`npm run i18n-extract -w <plugin>`): the
// English defaults in the code are the source, `src/locales/<language>/<plugin id>.json` the output, one file per
// language listed in plugin.json. New keys reach every other language as "" (the locale test then names them).

/** The language of the defaults in the code (Grafana's DEFAULT_LANGUAGE). */
export const SOURCE_LANGUAGE = 'en-US';

/**
 * @param {{ id: string; languages: string[] }} pluginJson
 * @param {{ keyPrefix: string; texts: Record<string, string> }[]} [tables] texts the plugin translates by code from
 *   a shared package's table (`t(prefix + code, table[code])`): extraction cannot see those keys in the code, so they
 *   are added from the table itself, with its text as the default.
 */
export function pluginI18nextConfig(pluginJson, tables = []) {
  return {
    plugins: tables.map((table, index) => textTablePlugin(table, pluginJson.id, index)),
    locales: [SOURCE_LANGUAGE, ...pluginJson.languages.filter((language) => language !== SOURCE_LANGUAGE)],
    extract: {
      input: ['src/**/*.{ts,tsx}'],
      ignore: ['src/**/*.test.{ts,tsx}', 'src/testing/**'],
      output: 'src/locales/{{language}}/{{namespace}}.json',
      defaultNS: pluginJson.id,
      primaryLanguage: SOURCE_LANGUAGE,
      functions: ['t', '*.t'],
      transComponents: ['Trans'],
      sort: true,
      indentation: 2,
    },
  };
}

/** An i18next-cli plugin adding a table's keys, as if the code called t(keyPrefix + code, text) for each. */
function textTablePlugin({ keyPrefix, texts }, namespace, index) {
  return {
    name: `opentruss-text-table-${index}`,
    onEnd(keys) {
      for (const [code, text] of Object.entries(texts)) {
        const key = `${keyPrefix}${code}`;
        keys.set(`${namespace}:${key}`, { key, defaultValue: text, ns: namespace, explicitDefault: true });
      }
    },
  };
}
