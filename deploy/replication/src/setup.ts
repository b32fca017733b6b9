// The one-shot replication setup. Idempotent: run it after any restart, a wiped volume or a changed address.
//   1. the replica: SHOW REPLICATION ROLE; a MAIN (its first start, or a wiped volume) is demoted with
//      SET REPLICATION ROLE TO REPLICA WITH PORT <port>. Its user exists already: MEMGRAPH_PASSFILE created it at its
//      first start, while it was still MAIN (a replica refuses user changes).
//   2. MAIN: must answer SHOW REPLICATION ROLE with "main".
//   3. MAIN: SHOW REPLICAS; our entry with the same address and mode is kept, a stale one is dropped, a missing one is
//      registered: REGISTER REPLICA <name> ASYNC TO "<address>".
//   4. MAIN: SHOW REPLICAS until MAIN reaches the replica (ready, replicating or recovery).
// Unreachable instances are waited for (bounded attempts); everything else stops at once with what to do.
import { errorText, isUnreachable, MemgraphInstance, SetupError } from './memgraph';
import { parseShowReplicas, REACHABLE_STATUSES, type ReplicaRow } from './show-replicas';

/** ASYNC: MAIN never waits for our replica (docs/replica.md, "Why ASYNC"). */
export const REPLICATION_MODE = 'ASYNC';

export interface SetupPlan {
  /** Undefined when another stack's MAIN (an existing OpenTruss) registers the replica: its admin runs the statement. */
  main?: MemgraphInstance;
  replica: MemgraphInstance;
  /** Cypher symbolic name the replica is registered under on MAIN. */
  replicaName: string;
  /** host:port where MAIN reaches the replica's replication server. */
  replicaAddress: string;
  /** The port the replica's replication server listens on. */
  replicationPort: number;
  attempts: number;
  intervalMs: number;
  log: (line: string) => void;
}

export type SetupOutcome = {
  replicaDemoted: boolean;
  /** `external`: the MAIN's admin registers it (docs/replica.md), the setup holds no MAIN credential. */
  registration: 'kept' | 'registered' | 're-registered' | 'external';
  status: string;
};

/** The one statement the admin of an external MAIN runs to register our replica. */
export function registerStatement(replicaName: string, replicaAddress: string): string {
  return `REGISTER REPLICA ${replicaName} ${REPLICATION_MODE} TO "${replicaAddress}"`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `step` until it does not fail with an unreachable instance, at most `attempts` times. */
async function withRetries<T>(plan: SetupPlan, instance: MemgraphInstance, what: string, step: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (!isUnreachable(error)) {
        throw error;
      }
      const { label, url } = instance.settings;
      if (attempt >= plan.attempts) {
        throw new SetupError(
          `${label} (${url}) did not answer after ${plan.attempts} attempts ${plan.intervalMs} ms apart (${what}): ` +
            `${errorText(error)}. Check it runs and is healthy (docker compose ps ${label}; docker compose logs ${label}), ` +
            `then run the setup again: docker compose up -d replication-setup`
        );
      }
      plan.log(`waiting for ${label} (${what}, attempt ${attempt}/${plan.attempts}): ${errorText(error)}`);
      await sleep(plan.intervalMs);
    }
  }
}

async function roleOf(plan: SetupPlan, instance: MemgraphInstance): Promise<string> {
  const rows = await withRetries(plan, instance, 'SHOW REPLICATION ROLE', () => instance.run('SHOW REPLICATION ROLE'));
  return String(rows[0]?.['replication role']);
}

const sameAddress = (a: string, b: string) => {
  const withPort = (s: string) => (/:\d+$/.test(s) ? s : `${s}:10000`).toLowerCase();
  return withPort(a) === withPort(b);
};

async function showReplicas(plan: SetupPlan, main: MemgraphInstance): Promise<ReplicaRow[]> {
  return parseShowReplicas(await withRetries(plan, main, 'SHOW REPLICAS', () => main.run('SHOW REPLICAS')));
}

/** REGISTER REPLICA; Memgraph 3.12 answers "Couldn't register replica <name>. Error: 5" (ERROR_ACCEPTING_MAIN) when the
 * replica's replication server does not answer yet, and keeps the entry: drop it and try again. */
async function register(plan: SetupPlan, main: MemgraphInstance): Promise<void> {
  const statement = registerStatement(plan.replicaName, plan.replicaAddress);
  for (let attempt = 1; ; attempt++) {
    try {
      await withRetries(plan, main, 'REGISTER REPLICA', () => main.run(statement));
      return;
    } catch (error) {
      const refusedByReplica = /Couldn't register replica .*Error: 5\b/.test(errorText(error));
      if (!refusedByReplica || attempt >= plan.attempts) {
        throw new SetupError(
          `memgraph refused "${statement}": ${errorText(error)}. ` +
            (refusedByReplica
              ? `MAIN could not reach the replica's replication port at ${plan.replicaAddress}: check that memgraph-replica runs ` +
                `and that MAIN's network reaches that address (docs/replica.md).`
              : 'See docs/replica.md, "When the setup fails".')
        );
      }
      plan.log(`MAIN could not reach ${plan.replicaAddress} yet (attempt ${attempt}/${plan.attempts}); dropping the half-made entry and retrying`);
      await main.run(`DROP REPLICA ${plan.replicaName}`).catch(() => undefined);
      await sleep(plan.intervalMs);
    }
  }
}

export async function setUpReplication(plan: SetupPlan): Promise<SetupOutcome> {
  const { replica, main, replicaName, replicaAddress, log } = plan;

  // 1. The replica.
  const replicaRole = await roleOf(plan, replica);
  let replicaDemoted = false;
  if (replicaRole === 'main') {
    await withRetries(plan, replica, 'SET REPLICATION ROLE', () =>
      replica.run(`SET REPLICATION ROLE TO REPLICA WITH PORT ${plan.replicationPort}`)
    );
    replicaDemoted = true;
    log(`${replica.settings.label} demoted to REPLICA (replication port ${plan.replicationPort})`);
  } else if (replicaRole === 'replica') {
    log(`${replica.settings.label} is already a REPLICA`);
  } else {
    throw new SetupError(`${replica.settings.label} answered SHOW REPLICATION ROLE with "${replicaRole}", expected main or replica`);
  }

  if (!main) {
    log(
      `MAIN is another stack's (REPLICATION_MAIN=external): its admin registers this replica once, on that MAIN: ` +
        `${registerStatement(replicaName, replicaAddress)}; (docs/replica.md)`
    );
    return { replicaDemoted, registration: 'external', status: 'unknown' };
  }

  // 2. MAIN is MAIN.
  const mainRole = await roleOf(plan, main);
  if (mainRole !== 'main') {
    throw new SetupError(
      `${main.settings.label} (${main.settings.url}) is a ${mainRole.toUpperCase()}, not the MAIN: the replica must be ` +
        `registered on the instance OpenTruss writes to. Point MEMGRAPH_MAIN_URL at it, or, if this instance should be ` +
        `MAIN again, run SET REPLICATION ROLE TO MAIN on it first.`
    );
  }

  // 3. Registration.
  const existing = (await showReplicas(plan, main)).find((r) => r.name === replicaName);
  let registration: SetupOutcome['registration'];
  if (existing && sameAddress(existing.socketAddress, replicaAddress) && existing.syncMode === REPLICATION_MODE.toLowerCase()) {
    registration = 'kept';
    log(`${replicaName} is already registered on MAIN (${existing.socketAddress}, ${existing.syncMode})`);
  } else {
    if (existing) {
      log(`${replicaName} is registered as ${existing.socketAddress} (${existing.syncMode}); dropping it to register ${replicaAddress} (${REPLICATION_MODE})`);
      await main.run(`DROP REPLICA ${replicaName}`);
    }
    await register(plan, main);
    registration = existing ? 're-registered' : 'registered';
    log(`${replicaName} registered on MAIN: ${REPLICATION_MODE} to ${replicaAddress}`);
  }

  // 4. MAIN reaches it.
  for (let attempt = 1; ; attempt++) {
    const row = (await showReplicas(plan, main)).find((r) => r.name === replicaName);
    if (row?.status && REACHABLE_STATUSES.includes(row.status)) {
      log(`${replicaName}: ${row.status}, ${row.behind ?? 0} commit timestamps behind MAIN`);
      return { replicaDemoted, registration, status: row.status };
    }
    if (attempt >= plan.attempts) {
      throw new SetupError(
        `${replicaName} is registered but MAIN reports it as "${row?.status ?? 'missing'}" after ${plan.attempts} checks: ` +
          (row?.status === 'diverged'
            ? 'its data diverged from MAIN (it was written to as a MAIN). Remove the memgraph-replica-data volume and run the setup again.'
            : `MAIN cannot reach ${replicaAddress}; check memgraph-replica's health and logs, and MAIN's network route to it.`)
      );
    }
    await sleep(plan.intervalMs);
  }
}
