// The i18next-cli configuration both plugins extract their strings with (`npm run i18n-extract -w <plugin>`): the
// English defaults in the code are the source, `src/locales/<language>/<plugin id>.json` the output, one file per
// language listed in plugin.json. New keys reach every other language as "" (the locale test then names them).

/** The language of the defaults in the code (Grafana's DEFAULT_LANGUAGE). */
export const SOURCE_LANGUAGE = 'en-US';

/** @param {{ id: string; languages: string[] }} pluginJson */
export function pluginI18nextConfig(pluginJson) {
  return {
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
