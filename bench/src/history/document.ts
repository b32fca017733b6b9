// docs/performance.md as it should be: the committed text with the history section rendered from bench/results.
import fs from 'node:fs';
import path from 'node:path';

import { spliceSection } from '@opentruss/tooling/markdown-section';

import { REPO_ROOT } from '../repository';
import { readRecordedRuns, RESULTS_DIR } from './recordedRun';
import { HISTORY_FILE, HISTORY_MARKERS, historyMarkdown } from './render';

export interface HistoryDocument {
  path: string;
  committed: string;
  expected: string;
}

export function historyDocument(repoRoot: string = REPO_ROOT, resultsDir: string = RESULTS_DIR): HistoryDocument {
  const file = path.join(repoRoot, HISTORY_FILE);
  const committed = fs.readFileSync(file, 'utf8');
  const expected = spliceSection(committed, HISTORY_MARKERS, historyMarkdown(readRecordedRuns(resultsDir)), HISTORY_FILE);
  return { path: file, committed, expected };
}
