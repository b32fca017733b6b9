// The CLI as another process would use it: started with a Jolt fixture, queried by neo4j-driver over TCP and
// over WebSocket from this (separate) process, stopped with SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { FIXTURE_ALIASES, parseCliArguments, UsageError } from '../src/cli';
import { CHANNELS, openDriver, type Channel, normalize } from '@opentruss/bolt-testing';

const PACKAGE_DIR = path.resolve(__dirname, '..');
const REPO_ROOT = path.resolve(PACKAGE_DIR, '../..');
const CLI = path.join(PACKAGE_DIR, 'src/cli.ts');
const EXAMPLE_FIXTURE = path.join(PACKAGE_DIR, 'fixtures/example.jolt.json');
const READY_LINE = /^bolt-test-server listening on (bolt:\/\/127\.0\.0\.1:(\d+))$/m;

interface Started {
  child: ChildProcess;
  url: string;
  port: number;
  stderr: () => string;
}

/** Every process this file starts, stopped at the end whatever happened (a detached one with its group). */
const started: Array<{ child: ChildProcess; group: boolean }> = [];

afterAll(() => {
  for (const { child, group } of started) {
    try {
      if (group) {
        process.kill(-child.pid!, 'SIGKILL');
      } else if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
      }
    } catch {
      // already gone
    }
  }
});

function start(command: string, args: string[], options: { cwd: string; detached?: boolean }): Promise<Started> {
  const child = spawn(command, args, { cwd: options.cwd, detached: options.detached, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push({ child, group: options.detached === true });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line within 30 s; stderr: ${stderr}`)), 30000);
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      const ready = READY_LINE.exec(stdout);
      if (ready) {
        clearTimeout(timer);
        resolve({ child, url: ready[1], port: Number(ready[2]), stderr: () => stderr });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before ready; stderr: ${stderr}`));
    });
  });
}

function run(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: PACKAGE_DIR, stdio: ['ignore', 'ignore', 'pipe'] });
    started.push({ child, group: false });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('exit', (code) => resolve({ code, stderr }));
  });
}

function exited(child: ChildProcess, timeoutMs = 10000): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve({ code: child.exitCode, signal: child.signalCode });
      return;
    }
    const timer = setTimeout(() => reject(new Error('did not exit')), timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
}

function portRefuses(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

describe('the CLI process', () => {
  let server: Started;

  beforeAll(async () => {
    server = await start(
      process.execPath,
      ['--import', 'tsx', CLI, '--port', '0', '--fixtures', EXAMPLE_FIXTURE, '--user', 'grafana', '--password', 'pw'],
      { cwd: PACKAGE_DIR }
    );
  }, 40000);

  it('says how many responders it loaded', () => {
    expect(server.stderr()).toContain(`7 responder(s) from ${EXAMPLE_FIXTURE}`);
  });

  describe.each(CHANNELS)('serves the Jolt fixture to neo4j-driver over %s', (channel: Channel) => {
    const query = async (text: string, parameters = {}) => {
      const driver = openDriver(channel, server.url, 'grafana', 'pw');
      try {
        return (await driver.executeQuery(text, parameters)).records;
      } finally {
        await driver.close();
      }
    };

    it('aggregates with integers', async () => {
      const records = await query(
        "MATCH (l:InspectionLot) WHERE NOT l.id STARTS WITH 'default_' RETURN l.status AS status, count(*) AS lots ORDER BY status"
      );
      expect(records.map((r) => [r.get('status'), r.get('lots').toNumber()])).toEqual([
        ['APPROVED', 12],
        ['IN_PROGRESS', 7],
        ['PLANNING', 4],
        ['PUBLISHED', 9],
        ['SUBMITTED', 3],
      ]);
    });

    it('Chinese text and floats', async () => {
      const records = await query(
        "MATCH (d:Division)-[:MANAGEMENT_CONTAINS*2]->(:Item)-[:HAS_LOT]->(l:InspectionLot) RETURN d.name AS division, toFloat(sum(CASE WHEN l.status IN ['APPROVED', 'PUBLISHED'] THEN 1 ELSE 0 END)) / count(l) AS progress"
      );
      expect(records.map((r) => [r.get('division'), r.get('progress')])).toEqual([
        ['主体结构', 0.75],
        ['装饰装修', 0.2],
      ]);
    });

    it('all three timestamp kinds', async () => {
      const records = await query(
        'MATCH (l:InspectionLot)-[:HAS_APPROVAL_HISTORY]->(h:ApprovalHistory) RETURN l.id AS lot, h.action AS action, h.created_at AS created_at'
      );
      const stamps = records.map((r) => r.get('created_at'));
      expect(stamps.map(String)).toEqual(['2024-05-01T10:00:00', '2024-05-02T09:30:00+08:00[Asia/Shanghai]', '2024-05-03T08:15:00Z']);
      expect(neo4j.isLocalDateTime(stamps[0])).toBe(true);
      expect(neo4j.isDateTime(stamps[1])).toBe(true);
      expect(typeof stamps[2]).toBe('string');
    });

    it('a path, only for the parameter value the entry names', async () => {
      const text = 'MATCH p = (l:InspectionLot {id: $lot})-[:MANAGEMENT_CONTAINS]->(e:Element)-[:LOCATED_AT]->(v:Level) RETURN p';
      const [record] = await query(text, { lot: 'lot-001' });
      const path = record.get('p');
      expect(path.segments.map((s: { relationship: { type: string } }) => s.relationship.type)).toEqual(['MANAGEMENT_CONTAINS', 'LOCATED_AT']);
      expect(normalize(path.end)).toEqual(normalize(new neo4j.types.Node(neo4j.int(301), ['Level'], { id: 'L1', elevation: 0 }, '301')));
      await expect(query(text, { lot: 'lot-999' })).rejects.toMatchObject({ message: expect.stringContaining('no responder matches') });
    });

    it('integers beyond 2^53, exactly', async () => {
      const [record] = await query('RETURN 9007199254740993 AS beyond_float, -9223372036854775808 AS min_int64');
      expect(record.get('beyond_float').toString()).toBe('9007199254740993');
      expect(record.get('min_int64').toString()).toBe('-9223372036854775808');
    });

    it('a Memgraph error', async () => {
      await expect(query('MATCH (n) RETURN n.missing < 1')).rejects.toMatchObject({
        code: 'Memgraph.ClientError.MemgraphError.MemgraphError',
        message: "Invalid types: null and int for '<'.",
      });
    });

    it('refuses a wrong password', async () => {
      const driver = openDriver(channel, server.url, 'grafana', 'wrong');
      try {
        await expect(driver.executeQuery('RETURN 1')).rejects.toMatchObject({ code: 'Memgraph.ClientError.Security.Unauthenticated' });
      } finally {
        await driver.close();
      }
    });
  });

  it('stops cleanly on SIGTERM and frees its port', async () => {
    server.child.kill('SIGTERM');
    expect(await exited(server.child)).toEqual({ code: 0, signal: null });
    expect(server.stderr()).toContain('SIGTERM, stopping');
    expect(await portRefuses(server.port)).toBe(true);
  });
});

describe('npm run bolt-test-server (the root script)', () => {
  it('resolves the fixture from where npm was run and stops on SIGTERM', async () => {
    const server = await start(
      'npm',
      ['run', '--silent', 'bolt-test-server', '--', '--port', '0', '--fixtures', 'packages/bolt-test-server/fixtures/example.jolt.json'],
      { cwd: REPO_ROOT, detached: true }
    );
    try {
      const driver = openDriver('tcp', server.url, 'anyone', 'anything');
      try {
        const { records } = await driver.executeQuery('RETURN 9007199254740993 AS beyond_float, -9223372036854775808 AS min_int64');
        expect(records[0].get('beyond_float').toString()).toBe('9007199254740993');
      } finally {
        await driver.close();
      }
    } finally {
      // What Ctrl-C or a supervisor does: signal the whole process group (npm, sh, tsx, node).
      process.kill(-server.child.pid!, 'SIGTERM');
    }
    await exited(server.child);
    // npm may end before its children: the server is gone once its port refuses connections.
    for (let attempt = 0; attempt < 50 && !(await portRefuses(server.port)); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await portRefuses(server.port)).toBe(true);
    expect(server.stderr()).toContain('SIGTERM, stopping');
  }, 40000);
});

describe('CLI errors', () => {
  it('exits 2 with the usage on an unknown option', async () => {
    const { code, stderr } = await run(['--prot', '7687']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Unknown option '--prot'[\s\S]*Usage: npm run bolt-test-server/);
  }, 30000);

  it('exits 1 naming the file and the entry of a broken fixture', async () => {
    const broken = path.join(PACKAGE_DIR, 'test/fixtures/broken.jolt.json');
    const { code, stderr } = await run(['--fixtures', broken]);
    expect(code).toBe(1);
    expect(stderr).toContain('broken.jolt.json[1]: records[0][0]: bare JSON number 1.5');
  }, 30000);
});

describe('parseCliArguments', () => {
  const env = { INIT_CWD: '/home/ops/stack' };

  it('defaults to an ephemeral port on 127.0.0.1, any credentials', () => {
    expect(parseCliArguments([], {}, '/x')).toEqual({ host: '127.0.0.1', port: 0, fixtureFiles: [], users: undefined });
  });

  it('resolves fixture paths from where npm was invoked (INIT_CWD), and knows the demo alias', () => {
    const options = parseCliArguments(['--fixtures', 'fx.json', '--fixtures', 'opentruss-demo'], env, '/repo');
    expect(options.fixtureFiles).toEqual(['/home/ops/stack/fx.json', FIXTURE_ALIASES['opentruss-demo']]);
    expect(FIXTURE_ALIASES['opentruss-demo']).toBe(path.join(REPO_ROOT, 'packages/opentruss-graph/fixtures/opentruss-demo.jolt.json'));
  });

  it('takes the password from BOLT_TEST_SERVER_PASSWORD', () => {
    expect(parseCliArguments(['--user', 'grafana'], { BOLT_TEST_SERVER_PASSWORD: 'pw' }, '/x').users).toEqual({ grafana: 'pw' });
  });

  it.each([
    [['--port', '70000'], /--port must be an integer from 0 to 65535/],
    [['--port', 'abc'], /--port must be/],
    [['--user', 'grafana'], /--user and --password/],
    [['--password', 'pw'], /--user and --password/],
    [['extra'], /Unexpected argument/],
  ])('refuses %j', (args, message) => {
    expect(() => parseCliArguments(args, {}, '/x')).toThrow(UsageError);
    expect(() => parseCliArguments(args, {}, '/x')).toThrow(message);
  });
});
