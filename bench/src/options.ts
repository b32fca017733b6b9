import path from 'node:path';
import { parseArgs } from 'node:util';

import { isProfileName, PROFILES, type Profile } from './profile';
import type { Placement } from './server/benchServer';

export const FIGURE_IDS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
export const DEFAULT_OUTPUT = path.resolve(__dirname, '../results/latest.json');

export const USAGE = `Usage: npm run bench [-- options]
  --profile quick|standard|long   sizes and repetitions (default: standard, or $BENCH_PROFILE)
                                  quick: small sizes, 3 rounds, for trying things out (under a minute);
                                  standard: the standard sizes, 7 rounds (a few minutes); long: 15 rounds, 50,000-query soak
  --only 1,3                      run only these figures (1 conversion, 2 time series, 3 concurrency, 4 soak, 5 bundle,
                                  6 business exporter per collection, 7 gateway, 8 canonicalisation)
  --server child-process|in-process   where the Bolt test server runs (default child-process)
  --out <file.json>               where to write every figure (default bench/results/latest.json, git-ignored)
  --record                        also write the run to bench/results/<date>T<time>-<commit>.json, a recorded run:
                                  commit it after \`npm run generate -w bench\` (docs/performance.md's history)
  --note <text>                   why the run is recorded, what changed (with --record)
  --no-build                      do not build a plugin whose dist is missing (figure 5 then says so)
  --baseline <git ref>            figure 5 also measures the datasource built at this commit ("before"; built once in a
                                  temporary git worktree, then cached under bench/results/baselines)`;

export interface BenchOptions {
  profile: Profile;
  figures: number[];
  placement: Placement;
  output: string;
  /** Write a recorded run into bench/results too, with this note (empty when none). */
  record?: { note: string };
  build: boolean;
  baseline?: string;
}

export class UsageError extends Error {}

const OPTIONS = {
  profile: { type: 'string' },
  only: { type: 'string' },
  server: { type: 'string', default: 'child-process' },
  out: { type: 'string' },
  record: { type: 'boolean', default: false },
  note: { type: 'string' },
  'no-build': { type: 'boolean', default: false },
  baseline: { type: 'string' },
} as const;

/** Runs `parse`, turning what it throws into a UsageError (printed with the usage text). */
function explained<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions {
  const { values } = explained(() => parseArgs({ args: argv, strict: true, options: OPTIONS }));
  const profile = values.profile ?? (env.BENCH_PROFILE || 'standard');
  if (!isProfileName(profile)) {
    throw new UsageError(`--profile must be quick, standard or long, got "${profile}"`);
  }
  if (values.server !== 'child-process' && values.server !== 'in-process') {
    throw new UsageError(`--server must be child-process or in-process, got "${values.server}"`);
  }
  if (values.note !== undefined && !values.record) {
    throw new UsageError('--note goes with --record (the note is part of the recorded run)');
  }
  const figures = values.only === undefined ? [...FIGURE_IDS] : values.only.split(',').map((id) => Number(id.trim()));
  const unknown = figures.filter((id) => !(FIGURE_IDS as readonly number[]).includes(id));
  if (unknown.length > 0 || figures.length === 0) {
    throw new UsageError(`--only takes figure numbers from 1 to ${FIGURE_IDS.length} separated by commas, got "${values.only}"`);
  }
  return {
    profile: PROFILES[profile],
    figures,
    placement: values.server,
    // npm runs the script inside bench/; INIT_CWD is where the user typed the command.
    output: values.out === undefined ? DEFAULT_OUTPUT : path.resolve(env.INIT_CWD ?? process.cwd(), values.out),
    ...(values.record ? { record: { note: values.note ?? '' } } : {}),
    build: !values['no-build'],
    ...(values.baseline ? { baseline: values.baseline } : {}),
  };
}
