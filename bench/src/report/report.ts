import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { FigureResult } from '../figures/figure';
import { REPO_ROOT } from '../repository';
import type { Profile } from '../profile';
import type { Placement } from '../server/benchServer';

export interface Environment {
  date: string;
  /** The commit measured, and whether the plugins' sources differed from it (uncommitted changes). */
  commit: string;
  pluginsModified: boolean;
  os: string;
  cpus: number;
  cpuModel: string;
  node: string;
  loadAtStart: number[];
  loadAtEnd: number[];
}

/** Everything one run measured: written as JSON, printed as a table. */
export interface BenchReport {
  environment: Environment;
  profile: Profile;
  serverPlacement: Placement;
  figures: FigureResult[];
  unhandledRejections: number;
  totalSeconds: number;
}

export function describeEnvironment(): Omit<Environment, 'loadAtEnd'> {
  return {
    date: new Date().toISOString(),
    commit: git(['rev-parse', '--short', 'HEAD']) || 'unknown',
    pluginsModified: git(['status', '--porcelain', '--', 'plugins', 'packages']) !== '',
    os: `${osName()} (${os.platform()} ${os.release()}, ${os.arch()})`,
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
    node: process.version,
    loadAtStart: os.loadavg(),
  };
}

function git(args: string[]): string {
  const result = spawnSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8', timeout: 10_000 });
  return result.status === 0 ? result.stdout.trim() : '';
}

/** PRETTY_NAME from /etc/os-release (e.g. Debian GNU/Linux 12 (bookworm)) where there is one. */
function osName(): string {
  try {
    const release = fs.readFileSync('/etc/os-release', 'utf8');
    return /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(release)?.[1] ?? os.type();
  } catch {
    return os.type();
  }
}

export function writeReport(report: BenchReport, file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
