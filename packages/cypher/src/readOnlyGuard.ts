import { CypherTextError, positionAt, type TextPosition } from './errors';
import { isTrivia, tokenize, type Token } from './lexer';

/** A write found in a query: the clause (or procedure) and where it is. */
export interface WriteClause {
  /** E.g. `CREATE`, `DETACH DELETE`, `CREATE INDEX`, `LOAD CSV`, `CALL create.node`, `SET inside FOREACH`. */
  clause: string;
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
};

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
 * Procedures that write, by namespace (`create.*`) or exact name, from Memgraph's built-in and MAGE modules
 * (https://memgraph.com/docs/advanced-algorithms/available-algorithms: create, merge, refactor, periodic, nodes,
 * do, export_util, import_util, …) and their APOC aliases
 * (https://memgraph.com/docs/advanced-algorithms/available-algorithms#apoc-mappings). Procedures that run a Cypher
 * string (`do.*`, `periodic.*`, `cypher.*`) are refused too: they would carry a write past this guard.
 * This is a denylist: a custom write procedure it does not know is still refused by Memgraph (≥ 3.2) because the
 * datasource runs queries in READ transactions.
 */
const WRITE_PROCEDURE_NAMESPACES = [
  'create',
  'merge',
  'refactor',
  'periodic',
  'do',
  'cypher',
  'export_util',
  'import_util',
  'elastic_search_serialization',
  'apoc.create',
  'apoc.merge',
  'apoc.refactor',
  'apoc.periodic',
  'apoc.do',
  'apoc.cypher',
  'apoc.export',
  'apoc.import',
  'apoc.trigger',
  'apoc.atomic',
  'apoc.lock',
];
const WRITE_PROCEDURES = new Set([
  'nodes.delete',
  'nodes.link',
  'schema.assert',
  'mg.load',
  'mg.load_all',
  'mg.create_module_file',
  'mg.update_module_file',
  'mg.delete_module_file',
  'mg.kafka_set_stream_offset',
  'apoc.nodes.delete',
  'apoc.nodes.link',
  'apoc.schema.assert',
]);
/** Online algorithms keep state between calls: `pagerank_online.set`, `…_online.update`, `…_online.reset`. */
const ONLINE_ALGORITHM_WRITE = /_online\.(set|update|reset)$/;

export function isWriteProcedure(qualifiedName: string): boolean {
  const name = qualifiedName.toLowerCase();
  return (
    WRITE_PROCEDURES.has(name) ||
    ONLINE_ALGORITHM_WRITE.test(name) ||
    WRITE_PROCEDURE_NAMESPACES.some((ns) => name.startsWith(ns + '.'))
  );
}

/**
 * Finds the first write in `cypher`, or undefined for a read-only query. Keywords count only where they stand as
 * keywords: never inside strings, comments or backticked names, nor as property keys (`n.set`, `{create: 1}`),
 * labels or relationship types (`:Create`, `[:DELETE|SET]`), aliases (`AS remove`) or namespaces (`merge.x`).
 */
export function findWriteClause(cypher: string): WriteClause | undefined {
  const tokens = tokenize(cypher).filter((t) => !isTrivia(t));
  const foreachParens: boolean[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    trackForeach(tokens, i, foreachParens);
    if (token.kind !== 'identifier' || !standsAsKeyword(tokens, i)) {
      continue;
    }
    const clause = writeClauseAt(tokens, i);
    if (clause) {
      const inForeach = foreachParens.includes(true) ? ' inside FOREACH' : '';
      return { clause: clause + inForeach, position: positionAt(cypher, token.start) };
    }
  }
  return undefined;
}

/** Throws a CypherTextError naming the write clause; returns quietly for read-only queries. */
export function assertReadOnly(cypher: string): void {
  const write = findWriteClause(cypher);
  if (write) {
    throw new CypherTextError(
      `Refused before sending: this query writes (${write.clause}). The Memgraph datasource only reads; ` +
        'run writes from another client with a user allowed to change the graph',
      cypher,
      write.position.offset
    );
  }
}

function upper(token: Token | undefined): string | undefined {
  return token?.kind === 'identifier' ? token.value!.toUpperCase() : undefined;
}

function writeClauseAt(tokens: Token[], i: number): string | undefined {
  const word = upper(tokens[i])!;
  const next = upper(tokens[i + 1]);
  if (word === 'CALL') {
    const name = procedureName(tokens, i + 1);
    return name && isWriteProcedure(name) ? `CALL ${name}` : undefined;
  }
  if (word === 'DETACH') {
    return 'DETACH DELETE';
  }
  if (word === 'LOAD') {
    return `LOAD ${next ?? ''}`.trim();
  }
  if (WRITE_KEYWORDS.has(word)) {
    return (word === 'CREATE' || word === 'DROP') && next && STATEMENT_KINDS.has(next) ? `${word} ${next}` : word;
  }
  const pair = WRITE_KEYWORD_PAIRS[word] ?? (i === 0 ? STATEMENT_PAIRS[word] : undefined);
  return next && pair?.includes(next) ? `${word} ${next}` : undefined;
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
