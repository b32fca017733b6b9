#!/usr/bin/env node
// Checks the links of every Markdown file git tracks (or of the files named after --root DIR):
// - relative links and `#anchors` must resolve to a file or folder and to a heading in it (remark-validate-links
//   through unified-engine, the way remark-cli runs it, so headings in other files are checked too; anchors are
//   GitHub's slugs, github-slugger, Chinese headings included);
// - external http(s) links are not fetched (the tests run offline) but must be well-formed URLs;
// - a root-relative link must be one of Grafana's own routes (`/explore?…`, `/d/…`, `/a/…`), which runbooks link to
//   because the app shows them inside Grafana: app routes, not files (the self-contained test allows them in
//   runbooks only). remark-validate-links resolves no root-relative link without a hosted repository.
// Prints one line per problem (`file:line:column: reason`), or JSON with --json; exits 1 when there is any.
// ESM-only libraries, hence a Node script: the Jest test (test/markdown-links.test.ts) runs it as a child process.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PassThrough } from 'node:stream';

import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import remarkValidateLinks from 'remark-validate-links';
import { engine } from 'unified-engine';
import { visit } from 'unist-util-visit';

import { GRAFANA_ROUTE } from '../src/grafana-routes.js';

/** Folders whose Markdown belongs to someone else (create-plugin's managed `.config/`). */
const NOT_OURS = /(^|\/)\.config\//;

/**
 * A remark plugin for what remark-validate-links leaves alone without a hosted repository: every http(s) link is a
 * URL that parses, with a host name (nothing is fetched); a root-relative link (`/x`) is a Grafana route.
 */
function externalAndRootLinks() {
  return (tree, file) => {
    visit(tree, ['link', 'definition', 'image'], (node) => {
      if (/^\/(?!\/)/.test(node.url) && !GRAFANA_ROUTE.test(node.url)) {
        file.message(`Root-relative link \`${node.url}\` is neither relative to this file nor a Grafana route (/explore?…, /d/…, /a/…)`, {
          place: node.position,
          ruleId: 'root-relative',
          source: 'markdown-links',
        });
      }
      if (!/^https?:/i.test(node.url)) {
        return;
      }
      let problem;
      try {
        const url = new URL(node.url);
        if (!/^https?:\/\/[^/]/i.test(node.url) || !/^(localhost|[\w-]+(\.[\w-]+)+|\[[\d:a-f]+\])$/i.test(url.hostname)) {
          problem = 'has no valid host name';
        }
      } catch {
        problem = 'is not a valid URL';
      }
      if (problem) {
        file.message(`External link \`${node.url}\` ${problem}`, { place: node.position, ruleId: 'url-syntax', source: 'markdown-links' });
      }
    });
  };
}

/** Markdown files git tracks under `root`, repository-relative. */
function trackedMarkdown(root) {
  return execFileSync('git', ['ls-files', '-z', '--', '*.md'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\0')
    .filter((file) => file && !NOT_OURS.test(file));
}

/** Every link problem in `files` (relative to `root`), as { file, line, column, reason, rule }. */
export async function checkMarkdownLinks(root, files = trackedMarkdown(root)) {
  const absoluteRoot = path.resolve(root);
  const sink = new PassThrough();
  sink.resume();
  const context = await new Promise((resolve, reject) => {
    engine(
      {
        processor: remark(),
        cwd: absoluteRoot,
        files,
        extensions: ['md'],
        plugins: [
          [remarkGfm],
          [remarkValidateLinks, { repository: false, root: absoluteRoot }],
          [externalAndRootLinks],
        ],
        detectConfig: false,
        detectIgnore: false,
        ignoreUnconfigured: false,
        out: false,
        output: false,
        quiet: true,
        silentlyIgnore: false,
        streamError: sink,
        streamOut: sink,
      },
      (error, _code, result) => (error ? reject(error) : resolve(result))
    );
  });
  return context.files.flatMap((file) =>
    file.messages.map((message) => ({
      file: path.relative(absoluteRoot, path.resolve(absoluteRoot, file.path)),
      line: message.line ?? 0,
      column: message.column ?? 0,
      reason: message.reason,
      rule: message.ruleId ?? message.source ?? 'markdown',
    }))
  );
}

async function main() {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const rootAt = args.indexOf('--root');
  const root = rootAt >= 0 ? args[rootAt + 1] : process.cwd();
  const files = args.filter((arg, i) => !arg.startsWith('--') && (rootAt < 0 || i !== rootAt + 1));
  const problems = await checkMarkdownLinks(root, files.length > 0 ? files : undefined);
  if (json) {
    process.stdout.write(`${JSON.stringify(problems)}\n`);
  } else {
    for (const p of problems) {
      process.stdout.write(`${p.file}:${p.line}:${p.column}: ${p.reason} (${p.rule})\n`);
    }
  }
  process.exitCode = problems.length > 0 ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    process.stderr.write(`check-markdown-links: ${error.stack ?? error.message}\n`);
    process.exitCode = 2;
  });
}
