/**
 * A regular expression that uses Unicode property classes (`\p{L}`, `\p{ID_Start}` …), compiled at run time.
 * Written as a literal, or as `new RegExp` of a literal string, the plugin build (create-plugin's managed swc config,
 * target es2015) expands every class into a table of thousands of ranges — about 10 KB gzip of the datasource's
 * initial module.js for the classes this package uses. Every browser Grafana supports reads `\p{…}` natively.
 */
export function unicodeRegExp(source: string, flags = ''): RegExp {
  return new RegExp(source, `u${flags}`);
}
