// Memgraph 3.12's replication statements, emulated on two Bolt test servers (MAIN and the replica) for tests:
// the answers and the exact error texts of src/query/interpreter.cpp (ReplQueryHandler, HandleReplicationQuery,
// HandleReplicationInfoQuery) at v3.12.0. The Bolt test server evaluates no Cypher; this scripts only what the
// replication setup and exporter send.
import { startBoltTestServer, type BoltTestServer, type FailureResponder } from '@opentruss/bolt-test-server';
import { errorCodes } from '@opentruss/bolt-protocol';

export interface Registration {
  name: string;
  address: string;
  mode: 'sync' | 'async' | 'strict_sync';
}

export interface ReplicationState {
  mainRole: 'main' | 'replica';
  replicaRole: 'main' | 'replica';
  replicaPort?: number;
  registered: Registration[];
  /** Whether MAIN reaches the replica's replication server (network, the replica's role and port). */
  replicaReachable: boolean;
  /** Commit timestamps the replica is behind (SHOW REPLICAS reports the negative). */
  behind: number;
}

export interface EmulatedPair {
  main: BoltTestServer;
  replica: BoltTestServer;
  state: ReplicationState;
  /** Where the replica's replication server is, as MAIN would dial it. */
  replicaAddress: string;
  stop(): Promise<void>;
}

const client = (message: string) => ({ code: errorCodes.client, message });

/** A failure whose message depends on the query and the state: `messageFor` returns it, or undefined to let other
 * responders answer. (The server reads `failure` when it answers, right after `match`.) */
function failureWhen(messageFor: (query: string) => string | undefined): FailureResponder {
  let message = 'not matched';
  return {
    match: (query) => {
      const found = messageFor(query);
      message = found ?? message;
      return found !== undefined;
    },
    get failure() {
      return client(message);
    },
  };
}

const REGISTER = /^REGISTER REPLICA (\w+) (SYNC|ASYNC|STRICT_SYNC) TO "([^"]+)"$/;
const DROP = /^DROP REPLICA (\w+)$/;
const SET_REPLICA = /^SET REPLICATION ROLE TO REPLICA WITH PORT (\d+)$/;

export async function startEmulatedReplication(options: {
  mainUsers: Record<string, string>;
  replicaUsers: Record<string, string>;
  replicaAddress?: string;
  state?: Partial<ReplicationState>;
}): Promise<EmulatedPair> {
  const replicaAddress = options.replicaAddress ?? 'memgraph-replica:10000';
  const state: ReplicationState = {
    mainRole: 'main',
    replicaRole: 'main',
    registered: [],
    replicaReachable: true,
    behind: 0,
    ...options.state,
  };
  const main = await startBoltTestServer({ users: options.mainUsers });
  const replica = await startBoltTestServer({ users: options.replicaUsers });
  const reachable = () => state.replicaReachable && state.replicaRole === 'replica';
  const statusOf = (r: Registration) =>
    reachable() && r.address === replicaAddress ? (state.behind > 0 ? 'replicating' : 'ready') : 'invalid';

  for (const [server, role] of [
    [main, () => state.mainRole],
    [replica, () => state.replicaRole],
  ] as const) {
    server.addResponder({ match: 'SHOW REPLICATION ROLE', fields: ['replication role'], records: () => [[role()]] });
  }

  // The replica: demotion. TrySetReplicationRoleReplica is not idempotent (replication_handler.hpp).
  replica.addResponder({
    match: SET_REPLICA,
    fields: [],
    records: ({ query }) => {
      state.replicaRole = 'replica';
      state.replicaPort = Number(SET_REPLICA.exec(query)![1]);
      return [];
    },
  });
  replica.addResponder({ match: (q) => SET_REPLICA.test(q) && state.replicaRole === 'replica', failure: client("Couldn't set role to replica!") });

  // MAIN: SHOW REPLICAS (header name, socket_address, sync_mode, system_info, data_info; system_info null in Community).
  main.addResponder({
    match: 'SHOW REPLICAS',
    fields: ['name', 'socket_address', 'sync_mode', 'system_info', 'data_info'],
    records: () =>
      state.registered.map((r) => [
        r.name,
        r.address,
        r.mode,
        null,
        { memgraph: { ts: BigInt(1000 - state.behind), behind: BigInt(-state.behind), status: statusOf(r) } },
      ]),
  });
  main.addResponder({
    match: (q) => q === 'SHOW REPLICAS' && state.mainRole === 'replica',
    failure: client('Show replicas query should only be run on the main instance.'),
  });

  // MAIN: REGISTER REPLICA. Errors as RegisterReplicaError's number (NAME_EXISTS 1, ENDPOINT_EXISTS 2,
  // ERROR_ACCEPTING_MAIN 5); an entry whose swap-UUID RPC failed stays registered (RegisterReplica_).
  main.addResponder({
    match: REGISTER,
    fields: [],
    records: ({ query }) => {
      const [, name, mode, address] = REGISTER.exec(query)!;
      state.registered.push({ name, address, mode: mode.toLowerCase() as Registration['mode'] });
      return [];
    },
  });
  const registerFailure = (query: string): string | undefined => {
    const match = REGISTER.exec(query);
    if (!match) {
      return undefined;
    }
    const [, name, mode, address] = match;
    if (state.mainRole === 'replica') {
      return "Replica can't register another replica!";
    }
    if (state.registered.some((r) => r.name === name)) {
      return `Couldn't register replica ${name}. Error: 1`;
    }
    if (state.registered.some((r) => r.address === address)) {
      return `Couldn't register replica ${name}. Error: 2`;
    }
    if (!reachable() || address !== replicaAddress) {
      state.registered.push({ name, address, mode: mode.toLowerCase() as Registration['mode'] });
      return `Couldn't register replica ${name}. Error: 5`;
    }
    return undefined;
  };
  main.addResponder(failureWhen(registerFailure));

  main.addResponder({
    match: DROP,
    fields: [],
    records: ({ query }) => {
      const name = DROP.exec(query)![1];
      state.registered = state.registered.filter((r) => r.name !== name);
      return [];
    },
  });
  main.addResponder(
    failureWhen((q) => {
      const name = DROP.exec(q)?.[1];
      // UnregisterReplica of an unknown name: CANNOT_UNREGISTER.
      return name !== undefined && !state.registered.some((r) => r.name === name) ? `Failed to unregister the replica ${name}.` : undefined;
    })
  );

  return {
    main,
    replica,
    state,
    replicaAddress,
    stop: async () => {
      await main.stop();
      await replica.stop();
    },
  };
}
