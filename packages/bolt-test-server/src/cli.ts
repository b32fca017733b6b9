// npm run bolt-test-server -- --port <p> --fixtures <file.json> [--user u --password p]
// Prints `bolt-test-server listening on bolt://<host>:<port>` once ready; stops cleanly on SIGTERM/SIGINT.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Responder } from './api';
import { loadFixtureFile } from './jolt/fixture-file';
import { startBoltTestServer } from './server';

const USAGE = `Usage: npm run bolt-test-server -- [--port <port>] [--fixtures <file.json | opentruss-demo>]...
                                   [--user <name> --password <password>] [--host <address>]
  --port       port to listen on, raw Bolt and Bolt over WebSocket alike (default 0: any free port)
  --fixtures   Jolt fixture file (repeatable); "opentruss-demo" = the generated OpenTruss demo fixture
  --user       accept only this user (with --password, or BOLT_TEST_SERVER_PASSWORD); default: any credentials
  --host       listen address (default 127.0.0.1)`;

/** Short names for fixtures that live in other packages of this repository. */
export const FIXTURE_ALIASES: Readonly<Record<string, string>> = {
  'opentruss-demo': path.resolve(__dirname, '../../opentruss-graph/fixtures/opentruss-demo.jolt.json'),
};

/** A demo server may run for days: it keeps only the latest runs and messages. */
const CLI_HISTORY_LIMIT = 10_000;

export class UsageError extends Error {}

export interface CliOptions {
  host: string;
  port: number;
  fixtureFiles: string[];
  users?: Record<string, string>;
}

export function parseCliArguments(argv: string[], env: NodeJS.ProcessEnv, cwd: string): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        port: { type: 'string', default: '0' },
        host: { type: 'string', default: '127.0.0.1' },
        fixtures: { type: 'string', multiple: true, default: [] },
        user: { type: 'string' },
        password: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be an integer from 0 to 65535, got ${values.port}`);
  }
  const password = values.password ?? env.BOLT_TEST_SERVER_PASSWORD;
  if ((values.user === undefined) !== (password === undefined)) {
    throw new UsageError('--user and --password (or BOLT_TEST_SERVER_PASSWORD) go together');
  }
  return {
    host: values.host,
    port,
    // npm runs scripts from the repository root; INIT_CWD is where the user typed the command.
    fixtureFiles: values.fixtures.map((f) => FIXTURE_ALIASES[f] ?? path.resolve(env.INIT_CWD ?? cwd, f)),
    users: values.user === undefined ? undefined : { [values.user]: password! },
  };
}

async function main(): Promise<void> {
  const options = parseCliArguments(process.argv.slice(2), process.env, process.cwd());
  const responders: Responder[] = [];
  for (const [alias, file] of Object.entries(FIXTURE_ALIASES)) {
    if (options.fixtureFiles.includes(file) && !fs.existsSync(file)) {
      throw new Error(`fixture "${alias}" (${file}) does not exist yet: generate it with npm run generate -w packages/opentruss-graph`);
    }
  }
  for (const file of options.fixtureFiles) {
    const loaded = loadFixtureFile(file);
    console.error(`bolt-test-server: ${loaded.length} responder(s) from ${file}`);
    responders.push(...loaded);
  }
  const server = await startBoltTestServer({
    host: options.host,
    port: options.port,
    users: options.users,
    responders,
    historyLimit: CLI_HISTORY_LIMIT,
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    console.error(`bolt-test-server: ${signal}, stopping`);
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1)
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  console.log(`bolt-test-server listening on ${server.url}`);
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(error instanceof UsageError ? `${error.message}\n\n${USAGE}` : `bolt-test-server: ${error.message}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  });
}
