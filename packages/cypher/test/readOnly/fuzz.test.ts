/**
 * A seeded, bounded fuzzer: mutates a corpus of writes and administrative statements the way the
 * adversarial check did — comments with every terminator, Unicode spaces, case, keyword-named aliases, glued
 * parameters, label expressions, back-ticks, string escapes, number spellings, Unicode arrows, nested
 * subqueries, UNION — and asserts that none passes. Reads are mutated too (also destructively), and every
 * accepted statement must satisfy:
 * - its canonical text, lexed again, is exactly the tree's leaves (each printed leaf reads back as one token of
 *   its role), and the tree's leaves that came from the text are the text's own tokens, one for one;
 * - the canonical text is accepted and prints to itself (accepted ⇔ canonical accepted; idempotent);
 * - Memgraph's query stripper splits the canonical text into the same tokens (./stripperReading.ts), so the
 *   stripped text Memgraph parses first cannot disagree with the text itself.
 */
import { checkReadQuery } from '../../src/readOnly';
import { parseTree } from '../../src/readOnly/check';
import { lex, type LexToken } from '../../src/readOnly/lexer';
import { MEMGRAPH_KEYWORDS } from '../../src/readOnly/statements';
import { leavesOf, type Leaf } from '../../src/readOnly/tree';
import { stripperTokens } from './stripperReading';

const SEED = 0x23c0ffee;
const CASES = 20_000;

/** mulberry32: small, deterministic, good enough to spread mutations. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WRITES = [
  'CREATE (n:X)',
  'CREATE (a)-[:R {w: 1}]->(b)',
  'MATCH (n) SET n.x = 1',
  'MATCH (n) SET n += {x: 1}',
  'MATCH (n) SET n:L',
  'MATCH (n) DETACH DELETE n',
  'MATCH (n) DELETE n',
  'MATCH (n) REMOVE n.x',
  'MATCH (n) REMOVE n:L',
  'MERGE (n:X {id: 1}) ON CREATE SET n.c = 1 RETURN n',
  'MATCH (n) WITH n CREATE (m)-[:R]->(n)',
  'UNWIND [1, 2] AS x CREATE (:X {v: x})',
  'FOREACH (x IN [1] | CREATE (:X))',
  'MATCH (n) FOREACH (x IN [1] + n:L | CREATE (:X))',
  'WITH 1 AS as CREATE (:X)',
  'WITH 1 AS set MATCH (n) SET n.x = set',
  'WITH 1 AS create CREATE (:X {v: create})',
  'MATCH (n) WHERE n.x = $1 CREATE (:X)',
  'MATCH (n) WHERE n.x = $p MERGE (:X)',
  'CALL { CREATE (n) } RETURN 1 AS x',
  'MATCH (n) CALL { WITH n SET n.x = 1 } RETURN n',
  'MATCH (n) CALL (n) { SET n.x = 1 } RETURN n',
  'MATCH (n) RETURN n UNION CREATE (m) RETURN m',
  'MATCH (n) RETURN n UNION ALL MATCH (m) DETACH DELETE m RETURN 1 AS n',
  'EXPLAIN CREATE (n)',
  'PROFILE MERGE (n)',
  "LOAD CSV FROM 'file.csv' WITH HEADER AS row CREATE (:X {v: row.v})",
  "CALL create.node('X', {}) YIELD node RETURN node",
  "CALL mg.load('x')",
  "CALL periodic.iterate('MATCH (n) RETURN n', 'SET n.x = 1', {}) YIELD success RETURN success",
  'UNSET PARAMETER x',
  'SET GLOBAL PARAMETER x = 1',
  'RELOAD BOLT_SERVER TLS',
  "UPDATE CONFIG FOR INSTANCE i {'a': 'b'}",
  'SHOW CONFIG',
  'SHOW DATABASE SETTINGS',
  'SHOW ACTIVE USERS INFO',
  'SHOW TRANSACTIONS',
  'SHOW USERS',
  'SHOW PRIVILEGES FOR u',
  'DUMP DATABASE',
  'USE DATABASE other',
  'CREATE INDEX ON :L(p)',
  'DROP INDEX ON :L(p)',
  "CREATE USER u IDENTIFIED BY 'p'",
  'STORAGE MODE IN_MEMORY_ANALYTICAL',
  'FREE MEMORY',
  'MATCH (n) WHERE EXISTS { CREATE (m) } RETURN n',
  "MATCH (`a``b`) SET `a``b`.x = 'it\\'s'",
  'MATCH (n:A|B) DELETE n',
  'CALL { CALL { CREATE (n) } RETURN 1 AS x } RETURN x',
  'MATCH (n) CALL { MATCH (m) RETURN m } IN TRANSACTIONS OF 1 ROWS RETURN n',
  'USING PERIODIC COMMIT 10 MATCH (n) SET n.x = 1',
];

const READS = [
  "MATCH (n:Person {name: 'x'})-[r:KNOWS*1..3]->(m) WHERE n.age > 3 AND m.x STARTS WITH 'a' RETURN n, m.name, count(*) ORDER BY n.x DESC LIMIT 10",
  'MATCH (n) WHERE n.x IN [1, 2] AND NOT n.y ENDS WITH "a" OR n.z IS NULL RETURN n.x AS x',
  'MATCH p = (a)<-[:T|U]-(b:A:B) RETURN p, length(p) AS l',
  'UNWIND range(0, 10) AS x WITH x WHERE x % 2 = 0 RETURN collect(x) AS xs',
  'MATCH (n) RETURN n {.name, k: n.x} AS m UNION MATCH (n) RETURN n {.name, k: 1} AS m',
  'RETURN [x IN [1, 2] WHERE x > 1 | x * 2] AS a, reduce(s = 0, y IN [1] | s + y) AS b',
  'MATCH (a) CALL { WITH a MATCH (a)-->(b) RETURN b } RETURN a, b',
  'MATCH (n) WHERE EXISTS { MATCH (n)--(m) } AND exists((n)-->()) RETURN n',
  'CALL mg.procedures() YIELD name WHERE name STARTS WITH "m" RETURN name',
  'RETURN CASE WHEN $a > 1 THEN "x" ELSE 0x1F END AS c, 010 AS o, 1.5e-3 AS f',
  'MATCH (n:$label) WHERE n.t >= $__from AND n.t < $__to RETURN n.t AS t, n.v AS v ORDER BY t',
  'WITH 1 AS as, 2 AS set, 3 AS create RETURN as + set + create AS total',
  'MATCH (a)-[*BFS ..5 (e, v | e.w > 1)]->(b) RETURN b',
  'SHOW INDEX INFO',
  'EXPLAIN MATCH (n) RETURN n',
  "RETURN 'a\\nb\\t\\'c\\u00e9' AS s, `we``ird` AS w",
];

const SEPARATORS = [
  ' ',
  '  ',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '\u000b',
  '\u000c',
  '\u001c',
  '\u001f',
  '\u00a0',
  '\u1680',
  '\u180e',
  '\u2000',
  '\u2005',
  '\u200a',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
  '/*c*/',
  '/* // */',
  '/**/',
  '//c\n',
  '//c\r',
  '//c\r\n',
  '// CREATE (x)\n',
  '//\r',
  ' /* MERGE\n */ ',
];
const DASHES = ['-', '\u00ad', '‐', '‑', '‒', '–', '—', '―', '−', '﹘', '﹣', '－'];
const LEFT_HEADS = ['<', '⟨', '〈', '﹤', '＜'];
const RIGHT_HEADS = ['>', '⟩', '〉', '﹥', '＞'];

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

function randomCase(random: Random, word: string): string {
  return [...word].map((c) => (random() < 0.5 ? c.toLowerCase() : c.toUpperCase())).join('');
}

function respellString(random: Random, value: string): string {
  const quote = random() < 0.5 ? "'" : '"';
  let out = quote;
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (char === quote || char === '\\') {
      out += `\\${char}`;
    } else if (char === '\n') {
      out += pick(random, ['\\n', '\\N', '\n']);
    } else if (code < 0x10000 && random() < 0.3) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else if (random() < 0.1) {
      out += `\\U${code.toString(16).padStart(8, '0')}`;
    } else {
      out += char;
    }
  }
  return out + quote;
}

function respellInt(random: Random, value: bigint): string {
  const r = random();
  if (r < 0.3) {
    return `0x${value.toString(16)}`;
  }
  if (r < 0.6 && value > 0n) {
    return `0${value.toString(8)}`;
  }
  return value.toString();
}

/** A token re-spelled without changing what Memgraph's lexer reads (kind and value). */
function respell(random: Random, token: LexToken, previous: LexToken | undefined, next: LexToken | undefined): string {
  switch (token.kind) {
    case 'word':
      if (!MEMGRAPH_KEYWORDS.has(token.upper) && random() < 0.3) {
        return `\`${token.value}\``;
      }
      return randomCase(random, token.text);
    case 'string':
      return respellString(random, token.value);
    case 'int':
      return respellInt(random, token.big!);
    case 'symbol': {
      const inArrow =
        (previous?.value === ')' || previous?.value === ']' || previous?.value === '-' || previous?.value === '<') &&
        (next?.value === '[' || next?.value === '(' || next?.value === '-' || next?.value === '>');
      if (!inArrow) {
        return token.text;
      }
      if (token.value === '-') {
        return pick(random, DASHES);
      }
      if (token.value === '<') {
        return pick(random, LEFT_HEADS);
      }
      if (token.value === '>') {
        return pick(random, RIGHT_HEADS);
      }
      return token.text;
    }
    default:
      return token.text;
  }
}

/** Whether two token texts glued together still lex as the same two tokens. */
function glues(left: string, right: string): boolean {
  try {
    const glued = lex(left + right).filter((t) => t.kind !== 'eof');
    const apart = lex(`${left} ${right}`).filter((t) => t.kind !== 'eof');
    return (
      glued.length === apart.length && glued.every((t, k) => t.kind === apart[k].kind && t.value === apart[k].value)
    );
  } catch {
    return false;
  }
}

/** Meaning-preserving mutation: every token re-spelled, every gap a random separator (or none where safe). */
function mutate(random: Random, text: string): string {
  const tokens = lex(text).filter((t) => t.kind !== 'eof');
  let out = '';
  let previousText = '';
  tokens.forEach((token, k) => {
    const spelled = respell(random, token, tokens[k - 1], tokens[k + 1]);
    if (k > 0) {
      const gap = random() < 0.25 ? '' : pick(random, SEPARATORS);
      out += gap === '' && !glues(previousText, spelled) ? ' ' : gap;
    }
    out += spelled;
    previousText = spelled;
  });
  return random() < 0.2 ? `${out}${pick(random, ['', ' ', ';', ' ;', ';\n'])}` : out;
}

/** Wraps a statement in the structures the adversarial check nested writes into. */
function wrap(random: Random, text: string): string {
  switch (Math.floor(random() * 6)) {
    case 0:
      return `CALL { ${text} } RETURN 1 AS wrapped`;
    case 1:
      return `MATCH (w) WHERE EXISTS { ${text} } RETURN w`;
    case 2:
      return `MATCH (w) RETURN w UNION ${text}`;
    case 3:
      return `${pick(random, ['EXPLAIN', 'PROFILE'])} ${text}`;
    case 4:
      return `MATCH (w) CALL (w) { ${text} } RETURN w`;
    default:
      return text;
  }
}

/** Destructive mutation for reads: drop, duplicate or swap tokens. */
function scramble(random: Random, text: string): string {
  let tokens: string[];
  try {
    tokens = lex(text)
      .filter((t) => t.kind !== 'eof')
      .map((t) => t.text);
  } catch {
    return text; // refused by the lexer anyway
  }
  const k = Math.floor(random() * tokens.length);
  const r = random();
  if (r < 0.33) {
    tokens.splice(k, 1);
  } else if (r < 0.66) {
    tokens.splice(k, 0, tokens[k]);
  } else if (k + 1 < tokens.length) {
    [tokens[k], tokens[k + 1]] = [tokens[k + 1], tokens[k]];
  }
  return tokens.join(' ');
}

/** The lexer token(s) a printed leaf must read back as. */
function matches(leaf: Leaf, tokens: readonly LexToken[], at: number): number {
  const token = tokens[at];
  if (!token) {
    return 0;
  }
  switch (leaf.role) {
    case 'kw':
      return token.kind === 'word' && token.upper === leaf.value ? 1 : 0;
    case 'fn':
      return token.kind === 'word' && token.text === leaf.value ? 1 : 0;
    case 'name':
      return (token.kind === 'word' || token.kind === 'escaped') && token.value === leaf.value ? 1 : 0;
    case 'str':
      return token.kind === 'string' && token.value === leaf.value ? 1 : 0;
    case 'int':
      return token.kind === 'int' && token.big === BigInt(leaf.value) ? 1 : 0;
    case 'float':
      return token.kind === 'float' && token.num === Number(leaf.value) ? 1 : 0;
    case 'sym':
      return token.kind === 'symbol' && token.value === leaf.value ? 1 : 0;
    case 'param': {
      const name = tokens[at + 1];
      const sameName = name && (name.kind === 'int' ? name.text : name.value) === leaf.value;
      return token.kind === 'symbol' && token.value === '$' && sameName ? 2 : 0;
    }
  }
}

/** Leaves ↔ tokens, one for one (a parameter is two tokens); undefined when they correspond. */
function mismatch(leaves: readonly Leaf[], tokens: readonly LexToken[]): string | undefined {
  let at = 0;
  for (const leaf of leaves) {
    const used = matches(leaf, tokens, at);
    if (used === 0) {
      return `leaf ${JSON.stringify(leaf)} vs token ${JSON.stringify(tokens[at]?.text)}`;
    }
    at += used;
  }
  return at === tokens.length ? undefined : `${tokens.length - at} tokens left over`;
}

/** The invariants of an accepted statement; undefined when they hold. */
function problemOf(text: string, canonical: string): string | undefined {
  const leaves = leavesOf(parseTree(text).tree);
  const canonicalTokens = lex(canonical).filter((t) => t.kind !== 'eof');
  const sourceTokens = lex(text).filter((t) => t.kind !== 'eof' && !(t.kind === 'symbol' && t.value === ';'));
  const again = checkReadQuery(canonical);
  const lexed = canonicalTokens.reduce<string[]>((texts, token, k) => {
    const previous = canonicalTokens[k - 1];
    if (previous?.kind === 'symbol' && previous.value === '$' && previous.end === token.start) {
      texts[texts.length - 1] += token.text;
    } else {
      texts.push(token.text);
    }
    return texts;
  }, []);
  const stripped = stripperTokens(canonical);
  const strippedProblem =
    stripped && stripped.length === lexed.length && stripped.every((t, k) => t === lexed[k])
      ? undefined
      : `the stripper reads ${JSON.stringify(stripped)}, the lexer ${JSON.stringify(lexed)}`;
  return (
    strippedProblem ??
    mismatch(leaves, canonicalTokens)?.replace(/^/, 'canonical: ') ??
    mismatch(
      leaves.filter((l) => !l.synthetic),
      sourceTokens
    )?.replace(/^/, 'source: ') ??
    (again.ok
      ? again.canonical === canonical
        ? undefined
        : `not idempotent: ${again.canonical}`
      : 'canonical refused')
  );
}

describe('seeded fuzzer', () => {
  it(`refuses every mutated write and keeps every accepted statement canonical (${CASES} cases, seed ${SEED})`, () => {
    const random = prng(SEED);
    const passedWrites: string[] = [];
    const broken: string[] = [];
    let accepted = 0;
    for (let n = 0; n < CASES; n++) {
      const isWrite = n % 2 === 0;
      const base = isWrite ? pick(random, WRITES) : pick(random, READS);
      let text = mutate(random, random() < 0.3 ? wrap(random, base) : base);
      if (!isWrite && random() < 0.3) {
        text = scramble(random, text);
      }
      const checked = checkReadQuery(text);
      if (!checked.ok) {
        continue;
      }
      accepted++;
      if (isWrite) {
        passedWrites.push(`${JSON.stringify(text)} → ${checked.canonical}`);
      }
      const problem = problemOf(text, checked.canonical);
      if (problem) {
        broken.push(`${JSON.stringify(text)}: ${problem}`);
      }
    }
    expect(passedWrites.slice(0, 5)).toEqual([]);
    expect(broken.slice(0, 5)).toEqual([]);
    // The reads' mutations must mostly still parse, or the invariants above were barely exercised.
    expect(accepted).toBeGreaterThan(CASES / 4);
  });
});

describe('arbitrary text', () => {
  it('never makes the checker throw: every text is accepted or refused (5,000 random texts)', () => {
    const random = prng(SEED + 1);
    const alphabet = [
      ...'()[]{},.:;$|=<>+-*/%^&!~`\'"\\ \n\r\t0123456789xXeE_aZ',
      'MATCH ', 'RETURN ', 'CREATE ', 'WITH ', ' AS ', 'CALL ', 'EXISTS', '\u0000', '\ud800', '\u2028', '⟨', '—',
      '\\u', '\\U', '//', '/*', '*/', '..', 'é', '😀',
    ];
    const thrown: string[] = [];
    for (let n = 0; n < 5_000; n++) {
      const length = 1 + Math.floor(random() * 40);
      let text = '';
      for (let k = 0; k < length; k++) {
        text += pick(random, alphabet);
      }
      try {
        const checked = checkReadQuery(text);
        if (checked.ok && checkReadQuery(checked.canonical).ok !== true) {
          thrown.push(`${JSON.stringify(text)}: canonical refused`);
        }
      } catch (error) {
        thrown.push(`${JSON.stringify(text)}: ${String(error)}`);
      }
    }
    expect(thrown.slice(0, 5)).toEqual([]);
  });
});
