// Runbooks are written as Markdown in alerts/runbooks/; the app runs in the browser and cannot read files, so
// their text is compiled into a TypeScript module (src/runbook-markdown.generated.ts).
import fs from 'node:fs';
import path from 'node:path';
import { generatedNotice } from './document';

export const RUNBOOK_DIR = 'alerts/runbooks';
export const RUNBOOK_MODULE = 'alerts/src/runbook-markdown.generated.ts';

/** Runbook Markdown by name (file name without `.md`), sorted by name. */
export function readRunbookMarkdown(repoRoot: string): Record<string, string> {
  const dir = path.join(repoRoot, RUNBOOK_DIR);
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .filter((file) => file.endsWith('.md'))
      .sort()
      .map((file) => [file.slice(0, -'.md'.length), fs.readFileSync(path.join(dir, file), 'utf8')])
  );
}

/** The module text: plain data importing nothing (runbooks.ts checks that every runbook name has its Markdown). */
export function runbookModule(markdown: Record<string, string>): string {
  const entries = Object.entries(markdown).map(([name, text]) => `  ${name}: ${JSON.stringify(text)},`);
  return [
    ...generatedNotice().map((line) => `// ${line.replace('alerts/src', RUNBOOK_DIR)}`),
    '',
    'export const RUNBOOK_MARKDOWN = {',
    ...entries,
    '} as const;',
    '',
  ].join('\n');
}
