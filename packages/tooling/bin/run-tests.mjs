#!/usr/bin/env node
// Runs every check of the repository and ends with one line totalling them: `N passed, N failed, N skipped`.
//   - `typecheck` and `lint` of each workspace that has them count as one check each;
//   - every Jest test of every workspace (one Jest run over all projects) counts as one check;
//     a test file that cannot even run counts as one failure;
//   - every pytest test of each workspace that has a `pytest.ini` (run with Debian's python3, results read from
//     its JUnit XML) counts as one check; a pytest run that collects no tests or writes no results is a failure.
// Usage: node packages/tooling/bin/run-tests.mjs [--only-jest] [jest args…]   (--only-jest also skips pytest)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import python from '../src/python.js';
import workspaces from '../src/workspaces.js';

const { listWorkspaces, repoRoot } = workspaces;
const { DEBIAN_PYTHON } = python;

// The toolchain (create-plugin's webpack config, the Cypher language library) needs Node 22; `npm test` runs this
// file with the repository's own node@22 first on the PATH, a bare `node` may be the machine's older one.
const nodeMajor = Number(process.versions.node.split('.')[0]);
if (nodeMajor < 22) {
  console.error(`Node ${process.versions.node} is too old for these suites: run them with \`npm test\`, which uses the repository's Node 22.`);
  process.exit(1);
}

const root = repoRoot();
const args = process.argv.slice(2);
const onlyJest = args.includes('--only-jest');
const jestArgs = args.filter((a) => a !== '--only-jest');
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function run(command, commandArgs, cwd) {
  const result = spawnSync(command, commandArgs, { cwd, stdio: 'inherit', env: process.env });
  return result.status === 0;
}

function countCheck(name, ok) {
  if (ok) {
    totals.passed++;
  } else {
    totals.failed++;
    failures.push(name);
  }
}

if (!onlyJest) {
  for (const script of ['typecheck', 'lint']) {
    for (const { dir, pkg } of listWorkspaces(root)) {
      if (pkg.scripts?.[script]) {
        console.log(`\n=== ${script}: ${dir}`);
        countCheck(`${script} ${dir}`, run('npm', ['run', script, '--silent'], path.join(root, dir)));
      }
    }
  }
}

console.log('\n=== jest: every workspace');
const resultsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'opentruss-jest-')), 'results.json');
const jestBin = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
run(process.execPath, [jestBin, '--json', `--outputFile=${resultsFile}`, ...jestArgs], root);
if (fs.existsSync(resultsFile)) {
  const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  totals.passed += results.numPassedTests;
  totals.failed += results.numFailedTests + results.numRuntimeErrorTestSuites;
  totals.skipped += results.numPendingTests + results.numTodoTests;
  for (const suite of results.testResults) {
    if (suite.status === 'failed') {
      failures.push(path.relative(root, suite.name));
    }
  }
} else {
  countCheck('jest (no results written: Jest itself failed to start)', false);
}

/** Totals of a pytest JUnit XML file (one <testsuite>, or several inside <testsuites>). */
function junitCounts(xml) {
  const counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  for (const [, attributes] of xml.matchAll(/<testsuite\b([^>]*)>/g)) {
    for (const key of Object.keys(counts)) {
      counts[key] += Number(new RegExp(`\\b${key}="(\\d+)"`).exec(attributes)?.[1] ?? 0);
    }
  }
  return counts;
}

if (!onlyJest) {
  for (const { dir } of listWorkspaces(root).filter(({ dir }) => fs.existsSync(path.join(root, dir, 'pytest.ini')))) {
    console.log(`\n=== pytest: ${dir}`);
    const junitFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'opentruss-pytest-')), 'junit.xml');
    const result = spawnSync(DEBIAN_PYTHON, ['-m', 'pytest', '-q', `--junitxml=${junitFile}`], {
      cwd: path.join(root, dir),
      stdio: 'inherit',
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
    });
    const counts = fs.existsSync(junitFile) ? junitCounts(fs.readFileSync(junitFile, 'utf8')) : undefined;
    if (result.status === 5 || counts?.tests === 0) {
      countCheck(`pytest ${dir} (collected no tests)`, false);
    } else if (!counts) {
      const why = result.error?.message ?? `exit status ${result.status}`;
      countCheck(`pytest ${dir} (no results written: ${why}; bash scripts/install-and-test.sh installs python3-pytest)`, false);
    } else {
      const failed = counts.failures + counts.errors;
      totals.passed += counts.tests - failed - counts.skipped;
      totals.failed += failed;
      totals.skipped += counts.skipped;
      if (failed > 0) {
        failures.push(`pytest ${dir}`);
      } else if (result.status !== 0) {
        countCheck(`pytest ${dir} (exit status ${result.status} without a failed test)`, false);
      }
    }
  }
}

if (failures.length) {
  console.log('\nFailed:\n' + failures.map((f) => `  - ${f}`).join('\n'));
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed === 0 && totals.passed > 0 ? 0 : 1);
