// The setup against two Bolt test servers answering Memgraph 3.12's replication statements (testing/), over the
// real neo4j-driver: first run, re-run, replica down, MAIN down, wrong password, stale and half-made registrations.
import { MemgraphInstance, SetupError, setUpReplication, type SetupPlan } from '../src';
import { startEmulatedReplication, type EmulatedPair } from '../testing/memgraph-replication';

const MAIN_USERS = { opentruss: 'main-secret' };
const REPLICA_USERS = { opentruss_reader: 'replica-secret' };

let pair: EmulatedPair;
let instances: MemgraphInstance[] = [];
let lines: string[];

function plan(overrides: { replicaPassword?: string; attempts?: number } = {}): SetupPlan {
  const main = new MemgraphInstance(
    { label: 'memgraph', url: pair.main.url, user: 'opentruss', password: 'main-secret', passwordFrom: 'MEMGRAPH_MAIN_PASSWORD' },
    1000
  );
  const replica = new MemgraphInstance(
    {
      label: 'memgraph-replica',
      url: pair.replica.url,
      user: 'opentruss_reader',
      password: overrides.replicaPassword ?? 'replica-secret',
      passwordFrom: '/run/opentruss-secrets/memgraph-replica/password (MEMGRAPH_REPLICA_PASSWORD_FILE)',
    },
    1000
  );
  instances.push(main, replica);
  return {
    main,
    replica,
    replicaName: 'observability_replica',
    replicaAddress: pair.replicaAddress,
    replicationPort: 10000,
    attempts: overrides.attempts ?? 5,
    intervalMs: 100,
    log: (line) => lines.push(line),
  };
}

const queries = (server: EmulatedPair['main']) => server.runs.map((r) => r.query);

beforeEach(async () => {
  pair = await startEmulatedReplication({ mainUsers: MAIN_USERS, replicaUsers: REPLICA_USERS });
  lines = [];
});

afterEach(async () => {
  await Promise.all(instances.map((i) => i.close()));
  instances = [];
  await pair.stop();
});

it('first run: demotes the fresh replica, registers it ASYNC on MAIN and waits until MAIN reaches it', async () => {
  const outcome = await setUpReplication(plan());
  expect(outcome).toEqual({ replicaDemoted: true, registration: 'registered', status: 'ready' });
  expect(queries(pair.replica)).toEqual(['SHOW REPLICATION ROLE', 'SET REPLICATION ROLE TO REPLICA WITH PORT 10000']);
  expect(queries(pair.main)).toEqual([
    'SHOW REPLICATION ROLE',
    'SHOW REPLICAS',
    'REGISTER REPLICA observability_replica ASYNC TO "memgraph-replica:10000"',
    'SHOW REPLICAS',
  ]);
  expect(pair.state).toMatchObject({ replicaRole: 'replica', replicaPort: 10000, registered: [{ name: 'observability_replica', mode: 'async' }] });
  // Auto-commit only: Memgraph runs replication queries outside explicit transactions.
  expect([...pair.main.runs, ...pair.replica.runs].every((r) => !r.explicitTransaction)).toBe(true);
});

it('re-run (after a restart of either side): changes nothing and sends no replication change', async () => {
  await setUpReplication(plan());
  const before = [pair.main.runs.length, pair.replica.runs.length];
  const outcome = await setUpReplication(plan());
  expect(outcome).toEqual({ replicaDemoted: false, registration: 'kept', status: 'ready' });
  const rerun = [...pair.main.runs.slice(before[0]), ...pair.replica.runs.slice(before[1])].map((r) => r.query);
  expect(rerun.filter((q) => /^(SET|REGISTER|DROP)/.test(q))).toEqual([]);
  expect(lines).toContain('memgraph-replica is already a REPLICA');
});

it('a replica whose volume was wiped (MAIN again, registration left on MAIN) is demoted and MAIN keeps the entry', async () => {
  await setUpReplication(plan());
  pair.state.replicaRole = 'main';
  const outcome = await setUpReplication(plan());
  expect(outcome).toEqual({ replicaDemoted: true, registration: 'kept', status: 'ready' });
});

it('a registration with another address or mode is dropped and registered again', async () => {
  pair.state.registered.push({ name: 'observability_replica', address: 'old-host:10000', mode: 'sync' });
  const outcome = await setUpReplication(plan());
  expect(outcome.registration).toBe('re-registered');
  expect(queries(pair.main)).toContain('DROP REPLICA observability_replica');
  expect(pair.state.registered).toEqual([{ name: 'observability_replica', address: 'memgraph-replica:10000', mode: 'async' }]);
});

it("MAIN not reaching the replica's replication port at first (Error: 5): drops the half-made entry and retries", async () => {
  pair.state.replicaReachable = false;
  const running = setUpReplication(plan());
  await pair.main.waitFor((s) => s.runs.some((r) => r.failure?.message === "Couldn't register replica observability_replica. Error: 5"));
  pair.state.replicaReachable = true;
  await expect(running).resolves.toMatchObject({ registration: 'registered', status: 'ready' });
  expect(queries(pair.main)).toContain('DROP REPLICA observability_replica');
});

it('replica down: waits with bounded retries, then succeeds once it answers', async () => {
  await pair.replica.stop();
  const running = setUpReplication(plan({ attempts: 30 }));
  await new Promise((resolve) => setTimeout(resolve, 300));
  await pair.replica.restart();
  await expect(running).resolves.toMatchObject({ replicaDemoted: true });
  expect(lines.some((l) => /^waiting for memgraph-replica \(SHOW REPLICATION ROLE, attempt 1\/30\)/.test(l))).toBe(true);
});

it('replica down for good: fails after the attempts with what to check, never touching MAIN', async () => {
  await pair.replica.stop();
  await expect(setUpReplication(plan({ attempts: 3 }))).rejects.toThrow(
    /^memgraph-replica \(bolt:\/\/127\.0\.0\.1:\d+\) did not answer after 3 attempts 100 ms apart \(SHOW REPLICATION ROLE\): .*docker compose ps memgraph-replica/
  );
  expect(pair.main.runs).toEqual([]);
});

it('MAIN down for good: the replica is demoted, then it fails naming MAIN', async () => {
  await pair.main.stop();
  const error = await setUpReplication(plan({ attempts: 2 })).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SetupError);
  expect((error as Error).message).toMatch(/^memgraph \(bolt:\/\/127\.0\.0\.1:\d+\) did not answer after 2 attempts/);
  expect(pair.state.replicaRole).toBe('replica');
});

it('wrong password: stops at the first answer (no retries) and says which file to fix', async () => {
  const error = await setUpReplication(plan({ replicaPassword: 'stale' })).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SetupError);
  expect((error as Error).message).toBe(
    'memgraph-replica (' + pair.replica.url + ') refused the login of user "opentruss_reader": the password in ' +
      "/run/opentruss-secrets/memgraph-replica/password (MEMGRAPH_REPLICA_PASSWORD_FILE) is not the one this instance's " +
      'user was created with at its first start. Put the right password there (docs/security.md, "Rotating a password"), ' +
      "or, for a fresh stack, remove the instance's data volume."
  );
  expect(pair.replica.connections).toHaveLength(1);
  expect(pair.state.replicaRole).toBe('main');
});

it('MAIN that is itself a REPLICA: refuses to register, saying what to do', async () => {
  pair.state.mainRole = 'replica';
  await expect(setUpReplication(plan())).rejects.toThrow(/^memgraph \(.*\) is a REPLICA, not the MAIN: .*SET REPLICATION ROLE TO MAIN/);
  expect(queries(pair.main)).not.toContain('SHOW REPLICAS');
});

it('a replica MAIN never reaches: fails after the checks naming the address', async () => {
  pair.state.replicaReachable = false;
  await expect(setUpReplication(plan({ attempts: 2 }))).rejects.toThrow(
    /MAIN could not reach the replica's replication port at memgraph-replica:10000/
  );
});

it("external MAIN (an existing OpenTruss's): demotes the replica, holds no MAIN credential and logs the one statement their admin runs", async () => {
  const { replica, ...rest } = plan();
  const outcome = await setUpReplication({ ...rest, main: undefined, replica, replicaAddress: 'opentruss-observability-replica:10000' });
  expect(outcome).toEqual({ replicaDemoted: true, registration: 'external', status: 'unknown' });
  expect(pair.main.runs).toEqual([]);
  expect(lines).toContain(
    "MAIN is another stack's (REPLICATION_MAIN=external): its admin registers this replica once, on that MAIN: " +
      'REGISTER REPLICA observability_replica ASYNC TO "opentruss-observability-replica:10000"; (docs/replica.md)'
  );
});
