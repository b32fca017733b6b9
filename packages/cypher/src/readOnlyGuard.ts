import { CypherTextError, positionAt, type TextPosition } from './errors';
import { isTrivia, tokenize, type Token } from './lexer';

/**
 * Why a statement is refused: it writes the graph, it administers the instance (users, triggers, streams,
 * storage, snapshots, memory, transactions, settings, replication), or it calls a procedure the allowlist does
 * not name as a read.
 */
export type RefusalKind = 'write' | 'admin' | 'procedure';

/** A write found in a query: the clause (or procedure) and where it is. */
export interface WriteClause {
  /** E.g. `CREATE`, `DETACH DELETE`, `CREATE INDEX`, `LOAD CSV`, `CALL create.node`, `SET inside FOREACH`. */
  clause: string;
  kind: RefusalKind;
  position: TextPosition;
}

/**
 * Keywords that start a writing clause or an administrative statement wherever they stand as a keyword.
 * Sources: https://memgraph.com/docs/querying/clauses (CREATE, MERGE, SET, DELETE, REMOVE, DROP, LOAD CSV /
 * JSONL / PARQUET, FOREACH), https://memgraph.com/docs/database-management/authentication-and-authorization
 * (users, roles, GRANT / DENY / REVOKE), triggers, streams and replication pages.
 */
const WRITE_KEYWORDS = new Set([
  'CREATE', // nodes, relationships, INDEX, CONSTRAINT, USER, ROLE, TRIGGER, … STREAM, DATABASE, SNAPSHOT, ENUM
  'MERGE',
  'SET', // properties, labels, PASSWORD, ROLE, DATABASE SETTING, REPLICATION ROLE, …
  'DELETE',
  'DETACH',
  'REMOVE',
  'DROP',
  'LOAD',
  'GRANT',
  'DENY',
  'REVOKE',
  'ALTER',
  'REGISTER',
  'UNREGISTER',
  'IMPORT',
]);

/**
 * Keywords that write only in front of a given word (`SHOW STORAGE INFO` reads; `STORAGE MODE …` does not).
 * Statements from Memgraph's grammar (src/query/frontend/opencypher/grammar/MemgraphCypher.g4): lockPathQuery is
 * `LOCK | UNLOCK DATA DIRECTORY`; coordinator queries `ADD COORDINATOR`, `FORCE RESET CLUSTER STATE`,
 * `YIELD LEADERSHIP`; `RENAME DATABASE`; user profiles `UPDATE PROFILE`, `CLEAR PROFILE`.
 */
const WRITE_KEYWORD_PAIRS: Record<string, readonly string[]> = {
  STORAGE: ['MODE'],
  FREE: ['MEMORY'],
  LOCK: ['DATA'],
  UNLOCK: ['DATA'],
  ANALYZE: ['GRAPH'],
  TERMINATE: ['TRANSACTIONS'],
  RECOVER: ['SNAPSHOT'],
  START: ['STREAM', 'ALL'],
  STOP: ['STREAM', 'ALL', 'TTL'],
  ENABLE: ['TTL'],
  DISABLE: ['TTL'],
  CLEAR: ['ROLE', 'ROLES', 'PROFILE'],
  DEMOTE: ['INSTANCE'],
  PROMOTE: ['INSTANCE'],
  ADD: ['COORDINATOR'],
  FORCE: ['RESET'],
  RENAME: ['DATABASE'],
  UPDATE: ['PROFILE'],
  CHECK: ['STREAM'],
};

/** Statements that administer the instance rather than write the graph (the message says so). */
const ADMIN_KEYWORDS = new Set(['GRANT', 'DENY', 'REVOKE', 'ALTER', 'REGISTER', 'UNREGISTER', 'IMPORT']);
const ADMIN_STATEMENT_KINDS = new Set(['USER', 'ROLE', 'TRIGGER', 'STREAM', 'KAFKA', 'PULSAR', 'DATABASE', 'SNAPSHOT', 'REPLICA']);
/** `SET` at the start of a statement followed by one of these is an administrative statement. */
const ADMIN_SET_TARGETS = new Set(['PASSWORD', 'ROLE', 'DATABASE', 'REPLICATION', 'SESSION', 'GLOBAL', 'MAIN', 'INSTANCE']);
/**
 * Reads that reveal the instance's users and privileges: the gateway's Memgraph credential would answer them
 * for any viewer.
 */
const ADMIN_SHOW_TARGETS = new Set(['USERS', 'ROLES', 'PRIVILEGES', 'ROLE', 'USER', 'CURRENT']);

/** Pairs that only ever start a statement (`YIELD leadership` is also a procedure call yielding such a field). */
const STATEMENT_PAIRS: Record<string, readonly string[]> = {
  YIELD: ['LEADERSHIP'],
};

/** Words after CREATE / DROP that name the kind of statement in the message. */
const STATEMENT_KINDS = new Set([
  'INDEX',
  'EDGE',
  'TEXT',
  'VECTOR',
  'POINT',
  'CONSTRAINT',
  'USER',
  'ROLE',
  'TRIGGER',
  'STREAM',
  'KAFKA',
  'PULSAR',
  'DATABASE',
  'SNAPSHOT',
  'ENUM',
  'REPLICA',
  'GRAPH',
]);

/**
 * The read procedures a read-only client may CALL: an allowlist, so a procedure nobody reviewed (a custom query
 * module, a MAGE module added later) is refused until it is added here. Sources: Memgraph's built-in `mg.*`
 * procedures and the MAGE modules (https://memgraph.com/docs/advanced-algorithms/available-algorithms); only
 * procedures that neither write, keep state between calls, run a Cypher string, nor reach files or the network.
 * Online algorithms are listed with their `.get` only (`.set`/`.update`/`.reset` change their state).
 */
const READ_PROCEDURES = new Set([
  // introspection
  'mg.procedures',
  'mg.functions',
  'mg.transformations',
  'mg.get_module_files',
  'schema.node_type_properties',
  'schema.rel_type_properties',
  'llm_util.schema',
  // graph structure, paths and neighbourhoods
  'nodes.relationship_types',
  'nodes.relationships_exist',
  'neighbors.at_hop',
  'neighbors.by_hop',
  'path.expand',
  'path.subgraph_nodes',
  'path.subgraph_all',
  'algo.all_simple_paths',
  'algo.astar',
  'algo.cover',
  'bridges.get',
  'cycles.get',
  'biconnected_components.get',
  'weakly_connected_components.get',
  'graph_analyzer.analyze',
  'graph_analyzer.help',
  'distance_calculator.single',
  'distance_calculator.multiple',
  // centrality and communities (read the graph, return figures)
  'pagerank.get',
  'pagerank_online.get',
  'betweenness_centrality.get',
  'betweenness_centrality_online.get',
  'degree_centrality.get',
  'katz_centrality.get',
  'katz_centrality_online.get',
  'community_detection.get',
  'community_detection_online.get',
  'leiden_community_detection.get',
  'node_similarity.cosine',
  'node_similarity.jaccard',
  'node_similarity.overlap',
  'bipartite_matching.max',
  'max_flow.get_flow',
  'tsp.solve',
  'set_cover.greedy',
  'set_cover.cp_solve',
]);

/** Whether `CALL qualifiedName` reads only (case-insensitive, as Memgraph resolves names). */
export function isReadProcedure(qualifiedName: string): boolean {
  return READ_PROCEDURES.has(qualifiedName.toLowerCase());
}

/** The reason a refusal gives, e.g. `this query writes (CREATE)`. */
export function describeRefusal({ clause, kind }: Pick<WriteClause, 'clause' | 'kind'>): string {
  switch (kind) {
    case 'write':
      return `this query writes (${clause})`;
    case 'admin':
      return `this is an administrative statement (${clause})`;
    case 'procedure':
      return `this query calls a procedure that is not on the read-procedure allowlist (${clause})`;
  }
}

/**
 * Finds the first write in `cypher`, or undefined for a read-only query. Keywords count only where they stand as
 * keywords: never inside strings, comments or backticked names, nor as property keys (`n.set`, `{create: 1}`),
 * labels or relationship types (`:Create`, `[:DELETE|SET]`), aliases (`AS remove`) or namespaces (`merge.x`).
 */
export function findWriteClause(cypher: string): WriteClause | undefined {
  return findWriteClauseInTokens(cypher, tokenize(cypher));
}

/** findWriteClause over tokens already lexed from `cypher` (the binding engine lexes once for every check). */
export function findWriteClauseInTokens(cypher: string, allTokens: readonly Token[]): WriteClause | undefined {
  const tokens = allTokens.filter((t) => !isTrivia(t));
  const foreachParens: boolean[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    trackForeach(tokens, i, foreachParens);
    if (token.kind !== 'identifier' || !standsAsKeyword(tokens, i)) {
      continue;
    }
    const found = refusalAt(tokens, i);
    if (found) {
      const inForeach = foreachParens.includes(true) ? ' inside FOREACH' : '';
      return { clause: found.clause + inForeach, kind: found.kind, position: positionAt(cypher, token.start) };
    }
  }
  return undefined;
}

/** Throws a CypherTextError naming the write clause; returns quietly for read-only queries. */
export function assertReadOnly(cypher: string): void {
  const write = findWriteClause(cypher);
  if (write) {
    throw new CypherTextError(readOnlyRefusal(write), cypher, write.position.offset);
  }
}

/** The datasource's refusal of a write, without its position. */
export function readOnlyRefusal(write: Pick<WriteClause, 'clause' | 'kind'>): string {
  return (
    `Refused before sending: ${describeRefusal(write)}. The Memgraph datasource only reads; ` +
    'run writes from another client with a user allowed to change the graph'
  );
}

function upper(token: Token | undefined): string | undefined {
  return token?.kind === 'identifier' ? token.value!.toUpperCase() : undefined;
}

function refusalAt(tokens: Token[], i: number): Pick<WriteClause, 'clause' | 'kind'> | undefined {
  const word = upper(tokens[i])!;
  const next = upper(tokens[i + 1]);
  if (word === 'CALL') {
    const name = procedureName(tokens, i + 1);
    return name && !isReadProcedure(name) ? { clause: `CALL ${name}`, kind: 'procedure' } : undefined;
  }
  if (i === 0 && word === 'SET' && next && ADMIN_SET_TARGETS.has(next)) {
    return { clause: `SET ${next}`, kind: 'admin' };
  }
  if (i === 0 && word === 'SHOW' && next && ADMIN_SHOW_TARGETS.has(next)) {
    return { clause: `SHOW ${next}`, kind: 'admin' };
  }
  if (word === 'DETACH') {
    return { clause: 'DETACH DELETE', kind: 'write' };
  }
  if (word === 'LOAD') {
    return { clause: `LOAD ${next ?? ''}`.trim(), kind: 'write' };
  }
  if (WRITE_KEYWORDS.has(word)) {
    if ((word === 'CREATE' || word === 'DROP') && next && STATEMENT_KINDS.has(next)) {
      return { clause: `${word} ${next}`, kind: ADMIN_STATEMENT_KINDS.has(next) ? 'admin' : 'write' };
    }
    return { clause: word, kind: ADMIN_KEYWORDS.has(word) ? 'admin' : 'write' };
  }
  const pair = WRITE_KEYWORD_PAIRS[word] ?? (i === 0 ? STATEMENT_PAIRS[word] : undefined);
  // Every keyword pair is an instance-level statement: storage, memory, streams, TTL, replication, profiles.
  return next && pair?.includes(next) ? { clause: `${word} ${next}`, kind: 'admin' } : undefined;
}

/** `CALL a.b.c(` → `a.b.c`; undefined for `CALL {` / `CALL (x) {` subqueries. */
function procedureName(tokens: Token[], start: number): string | undefined {
  const parts: string[] = [];
  let j = start;
  while (tokens[j]?.kind === 'identifier' || tokens[j]?.kind === 'quotedIdentifier') {
    parts.push(tokens[j].value!);
    if (tokens[j + 1]?.text !== '.') {
      break;
    }
    j += 2;
  }
  return parts.length ? parts.join('.') : undefined;
}

/** Tokens that never follow a clause keyword (a clause is followed by a pattern, a name or an expression). */
const NOT_AFTER_A_CLAUSE = new Set([',', ')', ']', '}', ';', '=', '<', '>']);

/** Whether the identifier at i is used as a keyword rather than as a name. */
function standsAsKeyword(tokens: Token[], i: number): boolean {
  const previous = tokens[i - 1];
  const next = tokens[i + 1];
  if (previous?.text === '.' || previous?.text === ':' || next?.text === ':' || next?.text === '.') {
    return false; // property key, label / type, map key, namespace
  }
  if (upper(previous) === 'AS') {
    return false; // alias
  }
  if (next === undefined || NOT_AFTER_A_CLAUSE.has(next.text)) {
    return false; // a variable that happens to be named `create`, e.g. `RETURN create`
  }
  if (previous?.text === '|' && isInLabelExpression(tokens, i - 1)) {
    return false; // `[:A|DELETE]`; a FOREACH body after `|` is a keyword
  }
  return true;
}

/** True when the `|` at index bar continues a label/type list such as `:A|B`. */
function isInLabelExpression(tokens: Token[], bar: number): boolean {
  let j = bar - 1;
  while (tokens[j]?.kind === 'identifier' || tokens[j]?.kind === 'quotedIdentifier') {
    const before = tokens[j - 1]?.text;
    if (before === ':') {
      return true;
    }
    if (before !== '|') {
      return false;
    }
    j -= 2;
  }
  return false;
}

/** Keeps a stack of open brackets, true for the `(` that opens a FOREACH body. */
function trackForeach(tokens: Token[], i: number, stack: boolean[]): void {
  const token = tokens[i];
  if (token.kind !== 'punctuation') {
    return;
  }
  if (token.text === '(' || token.text === '[' || token.text === '{') {
    stack.push(token.text === '(' && upper(tokens[i - 1]) === 'FOREACH');
  } else if (token.text === ')' || token.text === ']' || token.text === '}') {
    stack.pop();
  }
}
