import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { REPO_ROOT } from '../repository';

const BUILD_TIMEOUT_MS = 15 * 60_000;
const CACHE = path.resolve(__dirname, '../../results/baselines');

export type Baseline = { dist: string; label: string; how: string } | { error: string };

function git(args: string[], cwd = REPO_ROOT): { ok: boolean; out: string } {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  return { ok: result.status === 0, out: (result.status === 0 ? result.stdout : result.stderr).trim() };
}

/**
 * A plugin's dist as built at another commit (figure 5's "before"): checked out into a temporary git worktree
 * sharing this checkout's node_modules, built with its own `npm run build`, and kept under
 * bench/results/baselines/<commit>/ (git-ignored) so the next run measures it without building again.
 * Workspace packages (@opentruss/*) resolve through the shared node_modules to this checkout's packages/, so only
 * the plugin's own code and config are from the other commit.
 */
export function baselineDist(ref: string, folder: string, log: (line: string) => void): Baseline {
  const commit = git(['rev-parse', '--verify', `${ref}^{commit}`]);
  if (!commit.ok) {
    return { error: `git cannot resolve --baseline ${ref}: ${commit.out}` };
  }
  const label = `${ref} (${commit.out.slice(0, 12)})`;
  const cached = path.join(CACHE, commit.out, folder, 'dist');
  if (fs.existsSync(path.join(cached, 'module.js'))) {
    return { dist: cached, label, how: 'earlier by the benchmark (cached under bench/results/baselines)' };
  }
  const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-baseline-'));
  fs.rmSync(tree, { recursive: true });
  const added = git(['worktree', 'add', '--detach', tree, commit.out]);
  if (!added.ok) {
    return { error: `git worktree add failed: ${added.out}` };
  }
  try {
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(tree, 'node_modules'));
    const pluginModules = path.join(REPO_ROOT, 'plugins', folder, 'node_modules');
    if (fs.existsSync(pluginModules)) {
      shareExceptCache(pluginModules, path.join(tree, 'plugins', folder, 'node_modules'));
    }
    log(`figure 5: building plugins/${folder} at ${label} for the "before" figures`);
    const built = spawnSync('npm', ['run', 'build'], {
      cwd: path.join(tree, 'plugins', folder),
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: BUILD_TIMEOUT_MS,
    });
    if (built.status !== 0) {
      return { error: `the build of plugins/${folder} at ${label} failed` };
    }
    fs.mkdirSync(path.dirname(cached), { recursive: true });
    fs.cpSync(path.join(tree, 'plugins', folder, 'dist'), cached, { recursive: true });
    return { dist: cached, label, how: 'by this run in a temporary git worktree' };
  } finally {
    git(['worktree', 'remove', '--force', tree]);
  }
}

/**
 * The plugin's node_modules entry by entry, all but `.cache`: webpack's filesystem cache lives there, and a shared
 * one let the other commit's build reuse this checkout's cached assets (its plugin.json came out as today's).
 */
function shareExceptCache(from: string, to: string): void {
  fs.mkdirSync(to);
  for (const entry of fs.readdirSync(from)) {
    if (entry !== '.cache') {
      fs.symlinkSync(path.join(from, entry), path.join(to, entry));
    }
  }
}
