// The locale test both plugins run (src/locales/locales.test.ts): the committed en-US file is exactly what
// `npm run i18n-extract` would write from the code's defaults, and every other language in plugin.json has a file
// with the same keys (the language's plural forms), none of them empty.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SOURCE_LANGUAGE = 'en-US';

interface ExtractionResult {
  locale: string;
  path: string;
  newTranslations: Record<string, unknown>;
}

type Flat = Record<string, unknown>;

/** `{ a: { b: 'x' } }` → `{ 'a.b': 'x' }`, the keys as the code names them. */
export function flattenKeys(tree: Record<string, unknown>, prefix = ''): Flat {
  return Object.entries(tree).reduce<Flat>((flat, [key, value]) => {
    const name = prefix ? `${prefix}.${key}` : key;
    return value !== null && typeof value === 'object'
      ? { ...flat, ...flattenKeys(value as Record<string, unknown>, name) }
      : { ...flat, [name]: value };
  }, {});
}

/** What i18next-cli would write for the plugin in `pluginDir`, computed without writing anything. */
export function dryRunExtraction(pluginDir: string): ExtractionResult[] {
  const script = path.join(__dirname, 'extract-dry-run.mjs');
  const run = spawnSync(process.execPath, [script], { cwd: pluginDir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) {
    throw new Error(`i18next-cli extraction failed in ${pluginDir}:\n${run.stderr}`);
  }
  return JSON.parse(run.stdout) as ExtractionResult[];
}

function readLocale(file: string): Flat {
  return existsSync(file) ? flattenKeys(JSON.parse(readFileSync(file, 'utf8'))) : {};
}

/** Keys only in `actual`, only in `expected`, and in both with another value: what a reviewer needs to see. */
export function keyDifferences(actual: Flat, expected: Flat) {
  return {
    notInCode: Object.keys(actual).filter((key) => !(key in expected)),
    missing: Object.keys(expected).filter((key) => !(key in actual)),
    changed: Object.keys(expected)
      .filter((key) => key in actual && actual[key] !== expected[key])
      .map((key) => ({ key, committed: actual[key], code: expected[key] })),
  };
}

/** Registers the locale tests for the plugin in `pluginDir` (the directory holding src/plugin.json). */
export function describePluginLocales(pluginDir: string): void {
  const pluginJson = JSON.parse(readFileSync(path.join(pluginDir, 'src/plugin.json'), 'utf8')) as {
    id: string;
    languages?: string[];
  };
  const languages = pluginJson.languages ?? [];
  const localeFile = (language: string) => path.join(pluginDir, 'src/locales', language, `${pluginJson.id}.json`);

  describe(`${pluginJson.id} locales`, () => {
    let extracted: ExtractionResult[] = [];
    beforeAll(() => {
      extracted = dryRunExtraction(pluginDir);
    });
    const extractedFor = (language: string) => {
      const result = extracted.find((r) => r.locale === language);
      if (!result) {
        throw new Error(`i18next-cli produced nothing for ${language}`);
      }
      return flattenKeys(result.newTranslations);
    };

    it('plugin.json lists en-US and a locale folder exists for exactly its languages', () => {
      expect(languages).toContain(SOURCE_LANGUAGE);
      const folders = readdirSync(path.join(pluginDir, 'src/locales'), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name);
      expect(folders.sort()).toEqual([...languages].sort());
    });

    it('the committed en-US file is what `npm run i18n-extract` writes from the code (not stale)', () => {
      const differences = keyDifferences(readLocale(localeFile(SOURCE_LANGUAGE)), extractedFor(SOURCE_LANGUAGE));
      // Run `npm run i18n-extract -w <plugin>` and commit the result when this fails.
      expect(differences).toEqual({ notInCode: [], missing: [], changed: [] });
      expect(Object.keys(extractedFor(SOURCE_LANGUAGE)).length).toBeGreaterThan(0);
    });

    for (const language of languages.filter((l) => l !== SOURCE_LANGUAGE)) {
      it(`${language} translates every key the code has, none empty, none left over`, () => {
        const committed = readLocale(localeFile(language));
        const expectedKeys = Object.keys(extractedFor(language)).sort();
        expect({ language, keys: Object.keys(committed).sort() }).toEqual({ language, keys: expectedKeys });
        const empty = Object.entries(committed)
          .filter(([, value]) => typeof value !== 'string' || value.trim() === '')
          .map(([key]) => key);
        expect({ language, empty }).toEqual({ language, empty: [] });
      });
    }
  });
}
