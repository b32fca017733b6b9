// Running the real Debian tools (promtool, amtool) the tests drive.
import { spawnSync } from 'node:child_process';

export interface CommandResult {
  status: number | null;
  output: string;
}

/** Runs a command to completion (bounded by `timeoutMs`) and returns its exit status and combined output. */
export function runCommand(
  command: string,
  args: string[],
  options: { cwd?: string; timeoutMs?: number } = {}
): CommandResult {
  const result = spawnSync(command, args, { cwd: options.cwd, encoding: 'utf8', timeout: options.timeoutMs ?? 60_000 });
  if (result.error) {
    throw new Error(
      `${command} could not run (${result.error.message}); install it with: bash scripts/install-and-test.sh`
    );
  }
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
