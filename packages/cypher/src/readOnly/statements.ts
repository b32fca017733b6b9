/**
 * Statement forms that are not read queries, to name what is refused. Only naming depends on these tables: a
 * statement is accepted only when the parser recognises all of it as a read, so a form missing here is still
 * refused (as a syntax error).
 */
import type { RefusalKind } from './types';

/** Every keyword of Memgraph 3.12's lexer (CypherLexer.g4 and MemgraphCypherLexer.g4 at v3.12.0). */
export const MEMGRAPH_KEYWORDS: ReadonlySet<string> = new Set(
  [
    'ABORTING ACTIVE ADD AFTER ALL ALLSHORTEST ALTER ANALYZE AND ANY AS ASC ASCENDING ASSERT ASYNC AT',
    'AUTH BAD BATCH_INTERVAL BATCH_LIMIT BATCH_SIZE BEFORE BFS BOLT_SERVER BOOLEAN BOOTSTRAP_SERVERS',
    'BUILD BY CALL CALLABLE CASE CHECK CLEAR CLUSTER COALESCE COMMIT COMMITTED COMMITTING CONFIG CONFIGS',
    'CONSTRAINT CONSTRAINTS CONSUMER_GROUP CONTAINING CONTAINS COORDINATOR COUNT CREATE CREDENTIALS CSV',
    'CURRENT DATA DATABASE DATABASES DATE DEFAULT DEFINER DELETE DELIMITER DEMOTE DENY DESC DESCENDING',
    'DESCRIPTION DESCRIPTIONS DETACH DIRECTORY DISABLE DISTINCT DO DROP DUMP DURABILITY DURATION EDGE',
    'EDGES EDGE_TYPE EDGE_TYPES ELSE ENABLE END ENDS ENUM ENUMS EVERY EXACTLY EXECUTE EXECUTION EXISTS',
    'EXPLAIN EXTRACT FAILOVER FALSE FILTER FLOAT FOR FORCE FOREACH FREE FREE_MEMORY FROM GLOBAL GRANT',
    'GRANTS GRAPH HEADER HOPS IDENTIFIED IF IGNORE IMPERSONATE_USER IMPORT IN INACTIVE INDEX INDEXES INFO',
    'INSTANCE INSTANCES INTEGER INTRA_CLUSTER INVOKER IN_MEMORY_ANALYTICAL IN_MEMORY_TRANSACTIONAL IS',
    'ISOLATION JSONL KAFKA KB KEY KSHORTEST LABEL LABELS LAG LEADERSHIP LEVEL LICENSE LIMIT LIST LOAD',
    'LOCALDATETIME LOCALTIME LOCK MAIN MAP MAPPINGS MATCH MATCHING MB MEMORY MERGE METRICS MODE',
    'MODULE_READ MODULE_WRITE MULTI_DATABASE_EDIT MULTI_DATABASE_USE NEXT NO NODE NODES NODE_LABELS NONE',
    'NOT NULL NULLIF OF OFF ON ON_DISK_TRANSACTIONAL OPTIONAL OR ORDER PARALLEL PARALLEL_EXECUTION',
    'PARAMETER PARAMETERS PARQUET PASSWORD PERIODIC PERMISSIONS POINT PORT PRIVILEGES PROCEDURE PROFILE',
    'PROFILES PROFILE_RESTRICTION PROPERTY PULSAR QUERY QUOTE READ READ_FILE RECOVER REDUCE REGISTER',
    'RELOAD RELOAD_TLS REMOVE RENAME REPLACE REPLICA REPLICAS REPLICATION REQUIRE RESET RESOURCE RESUME',
    'RETURN REVOKE ROLE ROLES ROWS RUNNING SCHEMA SECURITY SERVER SERVER_SIDE_PARAMETERS SERVICE_URL',
    'SESSION SET SETTING SETTINGS SHOW SINGLE SKIP SNAPSHOT SNAPSHOTS START STARTS STATE STATISTICS STATS',
    'STATUS STOP STORAGE STORAGE_MODE STREAM STREAMS STRICT_SYNC STRING SUSPEND SYNC TENANT TERMINATE',
    'TEXT THEN TIMEOUT TLS TO TOPICS TRACE TRANSACTION TRANSACTIONS TRANSACTION_MANAGEMENT TRANSFORM',
    'TRIGGER TRIGGERS TRUE TTL TYPE TYPED TYPES UNCOMMITTED UNION UNIQUE UNLIMITED UNLOCK UNREGISTER',
    'UNSET UNWIND UPDATE USAGE USE USER USERS USING VALUE VALUES VECTOR VERSION WEBSOCKET WHEN WHERE WITH',
    'WSHORTEST XOR YIELD ZONEDDATETIME',
  ]
    .join(' ')
    .split(' ')
);

/** Writing clauses (Cypher.g4 / MemgraphCypher.g4 `clause`, `updateClause`). */
const WRITE_CLAUSES = new Set(['CREATE', 'MERGE', 'SET', 'DELETE', 'DETACH', 'REMOVE', 'FOREACH', 'LOAD']);

/**
 * Words that start a statement other than a query (MemgraphCypher.g4 `query`: index, constraint, auth, dump,
 * replication, coordinator, trigger, stream, setting, parameter, multi-database, TTL, TLS … statements).
 */
const ADMIN_STATEMENT_WORDS = new Set([
  'SHOW',
  'DROP',
  'GRANT',
  'DENY',
  'REVOKE',
  'ALTER',
  'REGISTER',
  'UNREGISTER',
  'DUMP',
  'ANALYZE',
  'LOCK',
  'UNLOCK',
  'DATA',
  'FREE',
  'STORAGE',
  'RECOVER',
  'START',
  'STOP',
  'CHECK',
  'TERMINATE',
  'USE',
  'RENAME',
  'SUSPEND',
  'RESUME',
  'EDGE',
  'ENABLE',
  'DISABLE',
  'RELOAD',
  'UPDATE',
  'CLEAR',
  'DEMOTE',
  'ADD',
  'FORCE',
  'YIELD',
  'UNSET',
  'RESET',
  'IMPORT',
]);

/** `CREATE x`, `SET x`, `DELETE x`, `REMOVE x` statements that administer rather than write the graph. */
const ADMIN_AFTER: Record<string, ReadonlySet<string>> = {
  CREATE: new Set([
    'INDEX',
    'CONSTRAINT',
    'USER',
    'ROLE',
    'TRIGGER',
    'KAFKA',
    'PULSAR',
    'DATABASE',
    'SNAPSHOT',
    'ENUM',
    'EDGE',
    'TEXT',
    'POINT',
    'VECTOR',
    'GLOBAL',
    'PROFILE',
    'TENANT',
    'STREAM',
  ]),
  SET: new Set([
    'PASSWORD',
    'ROLE',
    'ROLES',
    'DATABASE',
    'REPLICATION',
    'MAIN',
    'INSTANCE',
    'COORDINATOR',
    'PARAMETER',
    'GLOBAL',
    'SESSION',
    'NEXT',
    'PROFILE',
    'TENANT',
    'DESCRIPTION',
  ]),
  DELETE: new Set(['ALL', 'DESCRIPTION']),
  REMOVE: new Set(['COORDINATOR', 'TENANT']),
};

export interface StatementWord {
  upper: string;
  isWord: boolean;
}

/**
 * Names the statement or clause that `words` (from a clause position on) start, when it is not a read:
 * `atStart` is true at the start of a statement, where administrative statements stand.
 */
export function classifyNonRead(
  words: readonly StatementWord[],
  atStart: boolean
): { kind: RefusalKind; clause: string } | undefined {
  const [first, second] = words;
  if (!first?.isWord) {
    return undefined;
  }
  const next = second?.isWord ? second.upper : '';
  if (atStart && (ADMIN_AFTER[first.upper]?.has(next) || ADMIN_STATEMENT_WORDS.has(first.upper))) {
    return { kind: 'admin', clause: keywordRun(words) };
  }
  if (WRITE_CLAUSES.has(first.upper)) {
    if (first.upper === 'DETACH' && next === 'DELETE') {
      return { kind: 'write', clause: 'DETACH DELETE' };
    }
    if (first.upper === 'LOAD' && ['CSV', 'JSONL', 'PARQUET'].includes(next)) {
      return { kind: 'write', clause: `LOAD ${next}` };
    }
    return { kind: 'write', clause: first.upper };
  }
  return undefined;
}

/** The statement's leading keywords, e.g. `UNSET PARAMETER` of `UNSET PARAMETER x`, at most five. */
function keywordRun(words: readonly StatementWord[]): string {
  const run: string[] = [];
  for (const word of words.slice(0, 5)) {
    if (!word.isWord || !MEMGRAPH_KEYWORDS.has(word.upper)) {
      break;
    }
    run.push(word.upper);
  }
  return run.join(' ');
}

/**
 * The information statements the product itself sends (plugins/memgraph-datasource/src/schema/schemaQueries.ts,
 * src/health/indexAdvisor.ts and healthCheck.ts; the editor's schema reader), in Memgraph 3.12's grammar:
 * `databaseInfoQuery` (INDEX INFO, CONSTRAINT INFO, NODE_LABELS INFO, EDGE_TYPES INFO), `systemInfoQuery`
 * (STORAGE INFO, and STORAGE INFO ON CURRENT DATABASE — the session's own database, which the business exporter
 * reads for vertex and edge counts — but not ON DATABASE <name>), `versionQuery`, `showSchemaInfoQuery`. Every other
 * SHOW is refused: several reveal configuration, users, privileges, transactions or licences to whoever holds the
 * viewer credential. A longer form comes before its prefix: the first form that matches is the statement.
 */
export const SHOW_ALLOWLIST: ReadonlyArray<readonly string[]> = [
  ['INDEX', 'INFO'],
  ['CONSTRAINT', 'INFO'],
  ['NODE_LABELS', 'INFO'],
  ['EDGE_TYPES', 'INFO'],
  ['STORAGE', 'INFO', 'ON', 'CURRENT', 'DATABASE'],
  ['STORAGE', 'INFO'],
  ['VERSION'],
  ['SCHEMA', 'INFO'],
];
