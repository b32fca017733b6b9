/**
 * A recursive-descent parser of Memgraph 3.12's READ subset of Cypher (src/query/frontend/opencypher/grammar/
 * Cypher.g4 and MemgraphCypher.g4 at v3.12.0; rule names below are theirs). It builds a tree (./tree.ts) and
 * refuses whatever it does not recognise: only reading clauses exist in this grammar, so a write or an
 * administrative statement can never parse. Where ANTLR chooses between alternatives by looking ahead, this parser
 * tries them in the grammar's order and backtracks; both readings print the same tokens, and Memgraph reads the
 * canonical text its own way.
 *
 * One long file on purpose: the rules call each other recursively (expressions inside patterns inside subqueries
 * inside expressions), as in Cypher.g4 itself; split into modules they would import each other in a circle. The
 * rules follow the grammar's order; the lexer, the tree, the printer and the messages are their own modules.
 */
import { cypherText, type CypherText } from '../texts';
import { refusalReason } from './messages';
import type { Refusal, RefusalKind } from './types';
import { asciiUpper, type LexToken } from './lexer';
import { isReadProcedure } from './procedures';
import { classifyNonRead, SHOW_ALLOWLIST, type StatementWord } from './statements';
import { formatFloat, type Leaf, type Node, type Part } from './tree';

/**
 * A statement the parser does not recognise (backtracking catches it; the furthest one is reported). One shared
 * instance: backtracking throws often, and a fresh Error would capture a stack trace each time.
 */
class SyntaxFail {}
const SYNTAX_FAIL = new SyntaxFail();

/** A refusal that no other reading can undo (a write clause, a procedure off the allowlist…). */
export class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.reason);
  }
}

// BigInt() rather than literals: the plugin's bundler targets ES2015, which has no BigInt literal syntax.
const INT64_MAX = BigInt('9223372036854775807');
const KB_PER_MB = BigInt(1024);
const ASCII_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DECIMAL_LITERAL = /^(0|[1-9][0-9]*)$/;
/** Clause words a function name part may not be, so a bare function name can never read as a clause. */
const CLAUSE_WORDS = new Set([
  'MATCH',
  'OPTIONAL',
  'UNWIND',
  'WITH',
  'RETURN',
  'CALL',
  'UNION',
  'CREATE',
  'MERGE',
  'SET',
  'DELETE',
  'DETACH',
  'REMOVE',
  'FOREACH',
  'LOAD',
  'USING',
  'QUERY',
  'SHOW',
  'DROP',
  'EXPLAIN',
  'PROFILE',
  'WHERE',
  'ORDER',
  'SKIP',
  'LIMIT',
  'YIELD',
]);
const BINARY_WORDS = ['OR', 'XOR', 'AND'];
const BINARY_NODES = ['or', 'xor', 'and'];
const ARITHMETIC: ReadonlyArray<{ name: string; symbols: readonly string[] }> = [
  { name: 'additive', symbols: ['+', '-'] },
  { name: 'multiplicative', symbols: ['*', '/', '%'] },
  { name: 'power', symbols: ['^'] },
];
const COMPARISON = new Set(['=', '<>', '!=', '<', '>', '<=', '>=']);
const VARIABLE_EXPANSION_KINDS = new Set(['BFS', 'WSHORTEST', 'ALLSHORTEST', 'KSHORTEST']);
const SORT_ORDERS = new Set(['ASC', 'ASCENDING', 'DESC', 'DESCENDING']);
const KEYWORD_ATOMS = new Set([
  'CASE',
  'COUNT',
  'ALL',
  'ANY',
  'NONE',
  'SINGLE',
  'FILTER',
  'EXTRACT',
  'REDUCE',
  'COALESCE',
  'EXISTS',
]);

export interface ParseOptions {
  queryMemoryLimitMb?: number;
}

export interface Parsed {
  tree: Node;
  kind: 'read' | 'show';
}

const node = (name: string, parts: Part[]): Node => ({ node: name, parts });

/** Deeper nesting is refused rather than risking the JavaScript stack. */
export const MAX_NESTING = 200;

export class Parser {
  private i = 0;
  private far = 0;
  private depth = 0;
  /** Backtracking can revisit text; a budget of atoms per token keeps the worst case bounded (no hang). */
  private budget: number;

  constructor(
    private readonly text: string,
    private readonly tokens: readonly LexToken[],
    private readonly options: ParseOptions
  ) {
    this.budget = 10_000 + 50 * tokens.length;
  }

  /** Runs a nested rule, refusing what nests deeper than MAX_NESTING. */
  private nested<T>(parse: () => T): T {
    if (++this.depth > MAX_NESTING) {
      this.refuse('unsupported', 'NESTING', cypherText('refusal.nests-deeper', { max: MAX_NESTING }), this.peek());
    }
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  parse(): Parsed {
    try {
      return this.statement();
    } catch (error) {
      if (error instanceof SyntaxFail) {
        throw new Refused(this.syntaxRefusal());
      }
      throw error;
    }
  }

  // ---------------------------------------------------------------- tokens

  private peek(k = 0): LexToken {
    return this.tokens[Math.min(this.i + k, this.tokens.length - 1)];
  }

  private isWord(word: string, k = 0): boolean {
    const token = this.peek(k);
    return token.kind === 'word' && token.upper === word;
  }

  private isSym(symbol: string, k = 0): boolean {
    const token = this.peek(k);
    return token.kind === 'symbol' && token.value === symbol;
  }

  private isNameToken(k = 0): boolean {
    const token = this.peek(k);
    return token.kind === 'word' || (token.kind === 'escaped' && token.value !== '');
  }

  private fail(): never {
    this.far = Math.max(this.far, this.i);
    throw SYNTAX_FAIL;
  }

  private kw(word: string): Leaf {
    if (!this.isWord(word)) {
      this.fail();
    }
    return { role: 'kw', value: word, source: this.tokens[this.i++].start };
  }

  private sym(symbol: string): Leaf {
    if (!this.isSym(symbol) || this.peek().arrowPart) {
      this.fail();
    }
    return { role: 'sym', value: symbol, source: this.tokens[this.i++].start };
  }

  /** `leftArrowHead`, `rightArrowHead`, `dash`: the ASCII symbol or its Unicode look-alikes, printed in ASCII. */
  private arrowSym(symbol: string): Leaf {
    if (!this.isSym(symbol)) {
      this.fail();
    }
    return { role: 'sym', value: symbol, source: this.tokens[this.i++].start };
  }

  private optKw(word: string): Leaf[] {
    return this.isWord(word) ? [this.kw(word)] : [];
  }

  /** `symbolicName`: any word (keywords included, as in MemgraphCypher.g4) or a back-quoted name. */
  private name(): Leaf {
    if (!this.isNameToken()) {
      this.fail();
    }
    // Any character but NUL (refused for the whole text) can stand between back-ticks (`EscapedSymbolicName`).
    const token = this.tokens[this.i++];
    return { role: 'name', value: token.value, source: token.start };
  }

  /** Tries `parse`; on a syntax failure restores the position and returns undefined. */
  private attempt<T>(parse: () => T): T | undefined {
    const saved = this.i;
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof SyntaxFail)) {
        throw error;
      }
      this.i = saved;
      return undefined;
    }
  }

  private refuse(kind: RefusalKind, clause: string, reason: CypherText, from: LexToken, to: LexToken = from): never {
    throw new Refused({ kind, clause, ...refusalReason(reason), start: from.start, end: to.end });
  }

  private syntaxRefusal(): Refusal {
    const token = this.tokens[Math.min(this.far, this.tokens.length - 1)];
    const clause = token.kind === 'eof' ? 'end of query' : asciiUpper(token.text);
    const what =
      token.kind === 'eof' ? cypherText('refusal.ends-too-early') : cypherText('refusal.unexpected', { token: token.text });
    const reason = cypherText('refusal.not-a-read-query', { what });
    return {
      kind: 'syntax',
      clause,
      ...refusalReason(reason),
      start: token.start,
      end: token.kind === 'eof' ? this.text.length : token.end,
    };
  }

  // ---------------------------------------------------------------- statements

  /** `cypher : statement ';'? EOF` with statement restricted to read queries and allowlisted SHOWs. */
  private statement(): Parsed {
    let parsed: Parsed;
    if (this.isWord('SHOW')) {
      parsed = { tree: this.show(), kind: 'show' };
    } else if (this.isWord('EXPLAIN') || this.isWord('PROFILE')) {
      const keyword = this.kw(this.peek().upper);
      parsed = { tree: node('explain', [keyword, this.cypherQuery(true, false)]), kind: 'read' };
    } else {
      parsed = { tree: this.cypherQuery(true, true), kind: 'read' };
    }
    if (this.isSym(';')) {
      this.i++;
    }
    if (this.peek().kind !== 'eof') {
      this.fail();
    }
    return parsed;
  }

  private show(): Node {
    const start = this.peek();
    const words: StatementWord[] = [];
    for (let k = 0; this.peek(k).kind === 'word' || this.peek(k).kind === 'escaped'; k++) {
      words.push({ upper: this.peek(k).upper, isWord: this.peek(k).kind === 'word' });
    }
    const rest = words.slice(1);
    const end = this.peek(words.length);
    const terminated = end.kind === 'eof' || (end.kind === 'symbol' && end.value === ';');
    const allowed = SHOW_ALLOWLIST.find((form) => form.every((w, k) => rest[k]?.isWord && rest[k].upper === w));
    const complete = allowed !== undefined && rest.length === allowed.length && terminated;
    // `SHOW STORAGE INFO ON DATABASE x` reads another database: refused as a statement of its own below.
    if (allowed && !complete && rest[allowed.length]?.upper !== 'ON') {
      this.i += 1 + allowed.length;
      this.fail(); // e.g. `SHOW INDEX INFO RETURN 1`: what follows the statement is unexpected
    }
    if (!allowed || !complete) {
      const named = classifyNonRead(words, true);
      const last = this.peek(Math.max(0, (named?.clause.split(' ').length ?? 1) - 1));
      this.refuse(
        'admin',
        named?.clause ?? 'SHOW',
        cypherText('refusal.show-not-allowed', { clause: named?.clause ?? 'SHOW' }),
        start,
        last
      );
    }
    const parts: Part[] = [this.kw('SHOW')];
    for (const word of allowed) {
      parts.push(this.kw(word));
    }
    return node('show', parts);
  }

  /** `cypherQuery : preQueryDirectives? singleQuery cypherUnion* queryMemoryLimit?` */
  private cypherQuery(top: boolean, atStart: boolean): Node {
    return this.nested(() => this.cypherQueryBody(top, atStart));
  }

  private cypherQueryBody(top: boolean, atStart: boolean): Node {
    const parts: Part[] = [];
    if (this.isWord('USING')) {
      if (!top) {
        this.refuse(
          'unsupported',
          'USING',
          cypherText('refusal.directive-not-first'),
          this.peek()
        );
      }
      parts.push(this.directives());
      atStart = false;
    }
    parts.push(this.singleQuery(top, atStart));
    while (this.isWord('UNION')) {
      const union: Part[] = [this.kw('UNION'), ...this.optKw('ALL')];
      union.push(this.singleQuery(top, false));
      parts.push(node('union', union));
    }
    let limit: Node | undefined;
    if (this.isWord('QUERY')) {
      if (!top) {
        this.refuse(
          'unsupported',
          'QUERY MEMORY',
          cypherText('refusal.memory-limit-not-last'),
          this.peek()
        );
      }
      limit = this.queryMemoryLimit();
    }
    const applied = top ? this.applyMemoryLimit(limit) : limit;
    if (applied) {
      parts.push(applied);
    }
    return node('cypherQuery', parts);
  }

  /** `preQueryDirectives : USING preQueryDirective ( ',' preQueryDirective )*` — hops limit and index hints only. */
  private directives(): Node {
    const parts: Part[] = [this.kw('USING')];
    this.commaSeparated(parts, () => {
      if (this.isWord('HOPS')) {
        parts.push(this.kw('HOPS'), this.kw('LIMIT'), this.intLiteral());
      } else if (this.isWord('INDEX')) {
        parts.push(this.kw('INDEX'), this.indexHint());
        while (this.isSym(',') && this.isSym(':', 1)) {
          parts.push(this.sym(','), this.indexHint());
        }
      } else if (this.isWord('PERIODIC') || this.isWord('PARALLEL')) {
        const clause = this.isWord('PERIODIC') ? 'USING PERIODIC COMMIT' : 'USING PARALLEL EXECUTION';
        this.refuse(
          'unsupported',
          clause,
          cypherText('refusal.directive', { clause }),
          this.peek(),
          this.peek(1)
        );
      } else {
        this.fail();
      }
    });
    return node('directives', parts);
  }

  /** `indexHint : ':' labelName nestedPropertyKeyList?` */
  private indexHint(): Node {
    const parts: Part[] = [this.sym(':'), this.labelName()];
    if (this.isSym('(')) {
      parts.push(this.sym('('));
      this.commaSeparated(parts, () => {
        parts.push(this.name());
        while (this.isSym('.')) {
          parts.push(this.sym('.'), this.name());
        }
      });
      parts.push(this.sym(')'));
    }
    return node('indexHint', parts);
  }

  /** `queryMemoryLimit : QUERY MEMORY ( UNLIMITED | LIMIT literal ( MB | KB ) )` */
  private queryMemoryLimit(): Node {
    const parts: Part[] = [this.kw('QUERY'), this.kw('MEMORY')];
    if (this.isWord('UNLIMITED')) {
      parts.push(this.kw('UNLIMITED'));
    } else {
      parts.push(this.kw('LIMIT'), this.intLiteral());
      parts.push(this.isWord('MB') ? this.kw('MB') : this.kw('KB'));
    }
    return node('queryMemoryLimit', parts);
  }

  /** The configured limit replaces a larger or unlimited one the user wrote, and is added when none was. */
  private applyMemoryLimit(written: Node | undefined): Node | undefined {
    const limitMb = this.options.queryMemoryLimitMb;
    if (limitMb === undefined) {
      return written;
    }
    if (written) {
      const [, , third, amount, unit] = written.parts as Leaf[];
      if (third.value === 'LIMIT') {
        const kb = BigInt(amount.value) * (unit.value === 'MB' ? KB_PER_MB : BigInt(1));
        if (kb <= BigInt(limitMb) * KB_PER_MB) {
          return written;
        }
      }
    }
    const source = this.text.length;
    const leaf = (role: Leaf['role'], value: string): Leaf => ({ role, value, source, synthetic: true });
    return node('queryMemoryLimit', [
      leaf('kw', 'QUERY'),
      leaf('kw', 'MEMORY'),
      leaf('kw', 'LIMIT'),
      leaf('int', String(limitMb)),
      leaf('kw', 'MB'),
    ]);
  }

  /** `singleQuery : clause+` with reading clauses only. */
  private singleQuery(top: boolean, atStart: boolean): Node {
    const clauses: Part[] = [];
    for (;;) {
      const token = this.peek();
      if (
        token.kind === 'eof' ||
        (token.kind === 'symbol' && (token.value === ';' || token.value === '}')) ||
        this.isWord('UNION') ||
        this.isWord('QUERY')
      ) {
        break;
      }
      clauses.push(this.clause(top, atStart && clauses.length === 0));
    }
    if (clauses.length === 0) {
      this.fail();
    }
    return node('singleQuery', clauses);
  }

  private clause(top: boolean, atStart: boolean): Node {
    if (this.isWord('MATCH') || (this.isWord('OPTIONAL') && this.isWord('MATCH', 1))) {
      const parts: Part[] = [...this.optKw('OPTIONAL'), this.kw('MATCH'), this.pattern()];
      if (this.isWord('WHERE')) {
        parts.push(this.where());
      }
      return node('match', parts);
    }
    if (this.isWord('UNWIND')) {
      return node('unwind', [this.kw('UNWIND'), this.expression(), this.kw('AS'), this.name()]);
    }
    if (this.isWord('WITH')) {
      const parts: Part[] = [this.kw('WITH'), ...this.optKw('DISTINCT'), this.returnBody('with', top)];
      if (this.isWord('WHERE')) {
        parts.push(this.where());
      }
      return node('with', parts);
    }
    if (this.isWord('RETURN')) {
      return node('return', [this.kw('RETURN'), ...this.optKw('DISTINCT'), this.returnBody('return', top)]);
    }
    if (this.isWord('CALL')) {
      return this.isSym('{', 1) || this.isSym('(', 1) ? this.callSubquery() : this.callProcedure();
    }
    const words: StatementWord[] = [];
    for (let k = 0; k < 5 && (this.peek(k).kind === 'word' || this.peek(k).kind === 'escaped'); k++) {
      words.push({ upper: this.peek(k).upper, isWord: this.peek(k).kind === 'word' });
    }
    const named = classifyNonRead(words, atStart);
    if (named) {
      const last = this.peek(named.clause.split(' ').length - 1);
      const reason =
        named.kind === 'write'
          ? cypherText('refusal.writes', { clause: named.clause })
          : cypherText('refusal.administrative', { clause: named.clause });
      this.refuse(named.kind, named.clause, reason, this.peek(), last);
    }
    return this.fail();
  }

  /** `callSubquery : CALL ( '(' scopeClause? ')' )? '{' cypherQuery '}'` — without `IN TRANSACTIONS`. */
  private callSubquery(): Node {
    const parts: Part[] = [this.kw('CALL')];
    if (this.isSym('(')) {
      parts.push(this.sym('('));
      if (this.isSym('*')) {
        parts.push(this.sym('*'));
      } else if (!this.isSym(')')) {
        parts.push(this.name());
        while (this.isSym(',')) {
          parts.push(this.sym(','), this.name());
        }
      }
      parts.push(this.sym(')'));
    }
    parts.push(this.sym('{'), this.cypherQuery(false, false), this.sym('}'));
    if (this.isWord('IN') && this.isWord('TRANSACTIONS', 1)) {
      this.refuse(
        'unsupported',
        'CALL { … } IN TRANSACTIONS',
        cypherText('refusal.batched-subquery'),
        this.peek(),
        this.peek(1)
      );
    }
    return node('callSubquery', parts);
  }

  /** `callProcedure : CALL procedureName '(' args ')' procedureMemoryLimit? yieldProcedureResults?` */
  private callProcedure(): Node {
    const call = this.kw('CALL');
    const first = this.peek();
    const nameParts: Part[] = [this.name()];
    while (this.isSym('.')) {
      nameParts.push(this.sym('.'), this.name());
    }
    const qualified = nameParts
      .filter((p): p is Leaf => (p as Leaf).role === 'name')
      .map((p) => p.value)
      .join('.');
    if (!isReadProcedure(qualified)) {
      const clause = `CALL ${qualified}`;
      this.refuse(
        'procedure',
        clause,
        cypherText('refusal.procedure', { clause }),
        first,
        this.tokens[this.i - 1]
      );
    }
    const parts: Part[] = [call, node('procedureName', nameParts), this.sym('(')];
    if (!this.isSym(')')) {
      parts.push(...this.expressionList());
    }
    parts.push(this.sym(')'));
    if (this.isWord('PROCEDURE')) {
      parts.push(this.kw('PROCEDURE'), this.kw('MEMORY'));
      if (this.isWord('UNLIMITED')) {
        this.refuse(
          'unsupported',
          'PROCEDURE MEMORY UNLIMITED',
          cypherText('refusal.unlimited-procedure-memory'),
          this.peek()
        );
      }
      parts.push(this.kw('LIMIT'), this.intLiteral(), this.isWord('MB') ? this.kw('MB') : this.kw('KB'));
    }
    if (this.isWord('YIELD')) {
      const yieldParts: Part[] = [this.kw('YIELD')];
      if (this.isSym('*')) {
        yieldParts.push(this.sym('*'));
      } else {
        this.commaSeparated(yieldParts, () => {
          yieldParts.push(this.name());
          if (this.isWord('AS')) {
            yieldParts.push(this.kw('AS'), this.name());
          }
        });
      }
      if (this.isWord('WHERE')) {
        yieldParts.push(this.where());
      }
      parts.push(node('yield', yieldParts));
    }
    return node('callProcedure', parts);
  }

  /** `item ( ',' item )*`: `item` pushes one item's parts; the commas go into `parts` between them. */
  private commaSeparated(parts: Part[], item: () => void): void {
    item();
    while (this.isSym(',')) {
      parts.push(this.sym(','));
      item();
    }
  }

  private where(): Node {
    return node('where', [this.kw('WHERE'), this.expression()]);
  }

  /** `returnBody : returnItems order? skip? limit?` */
  private returnBody(clause: 'with' | 'return', top: boolean): Node {
    const parts: Part[] = [];
    let first = true;
    // Memgraph's stripper stops naming columns after an item whose name it cut at a keyword (stripped.cpp).
    const naming = { stopped: false };
    this.commaSeparated(parts, () => {
      if (first && this.isSym('*')) {
        parts.push(this.sym('*'));
      } else {
        parts.push(this.returnItem(clause, top, naming));
      }
      first = false;
    });
    if (this.isWord('ORDER')) {
      parts.push(this.kw('ORDER'), this.kw('BY'));
      this.commaSeparated(parts, () => {
        parts.push(this.expression());
        if (this.peek().kind === 'word' && SORT_ORDERS.has(this.peek().upper)) {
          parts.push(this.kw(this.peek().upper));
        }
      });
    }
    if (this.isWord('SKIP')) {
      parts.push(this.kw('SKIP'), this.expression());
    }
    if (this.isWord('LIMIT')) {
      parts.push(this.kw('LIMIT'), this.expression());
    }
    return node('returnBody', parts);
  }

  /**
   * `returnItem : expression AS variable | expression`. An item without AS gets one, so the name Memgraph gives
   * it does not depend on the canonical spelling: Memgraph names such an item by its text (cypher_main_visitor.cpp
   * visitReturnItem: `ctx->getText()`), and a top-level RETURN column by the original text between the item's
   * first and last token (stripped.cpp, `named_exprs_`). Only variables are aliased in WITH and in subqueries'
   * RETURN, where Memgraph requires the other items to be aliased (symbol_generator.cpp) and must still say so.
   */
  private returnItem(clause: 'with' | 'return', top: boolean, naming: { stopped: boolean }): Node {
    const from = this.i;
    const expression = this.expression();
    const to = this.i;
    if (this.isWord('AS')) {
      return node('returnItem', [expression, this.kw('AS'), this.name()]);
    }
    const isVariable = expression.node === 'var';
    if (!isVariable && !(clause === 'return' && top)) {
      return node('returnItem', [expression]);
    }
    const alias = clause === 'return' && top ? this.columnHeader(from, to, naming) : this.tokenText(from, to);
    const source = this.tokens[from].start;
    return node('returnItem', [
      expression,
      { role: 'kw', value: 'AS', source, synthetic: true },
      { role: 'name', value: alias, source, synthetic: true },
    ]);
  }

  private tokenText(from: number, to: number): string {
    return this.tokens
      .slice(from, to)
      .map((t) => t.text)
      .join('');
  }

  /**
   * The column name Memgraph gives an unaliased top-level RETURN item: the stripper's name (stripped.cpp, after
   * the token loop) — the original text from the item's first token to its last, cut before ORDER, SKIP, LIMIT,
   * UNION or QUERY wherever they stand, none when the item holds the word AS or an earlier item was cut — else the
   * item's text without spaces (the visitor's name).
   */
  private columnHeader(from: number, to: number, naming: { stopped: boolean }): string {
    if (naming.stopped) {
      return this.tokenText(from, to);
    }
    let stop = to;
    for (let k = from; k < to; k++) {
      const token = this.tokens[k];
      if (token.kind === 'word' && ['ORDER', 'SKIP', 'LIMIT', 'UNION', 'QUERY'].includes(token.upper)) {
        stop = k;
        naming.stopped = true;
        break;
      }
    }
    if (this.tokens.slice(from, stop).some((t) => t.kind === 'word' && t.upper === 'AS')) {
      return this.tokenText(from, to);
    }
    if (stop === from) {
      return this.tokens[from].text;
    }
    return this.text.slice(this.tokens[from].start, this.tokens[stop - 1].end);
  }

  // ---------------------------------------------------------------- patterns

  /** `pattern : patternPart ( ',' patternPart )*` */
  private pattern(): Node {
    const parts: Part[] = [this.patternPart()];
    while (this.isSym(',')) {
      parts.push(this.sym(','), this.patternPart());
    }
    return node('pattern', parts);
  }

  /** `patternPart : ( variable '=' )? patternElement` */
  private patternPart(): Node {
    const parts: Part[] = [];
    if (this.isNameToken() && this.isSym('=', 1)) {
      parts.push(this.name(), this.sym('='));
    }
    parts.push(this.patternElement());
    return node('patternPart', parts);
  }

  /** `patternElement : nodePattern patternElementChain* | '(' patternElement ')'` */
  private patternElement(): Node {
    return this.nested(() => this.patternElementBody());
  }

  private patternElementBody(): Node {
    const plain = this.attempt(() => {
      const parts: Part[] = [this.nodePattern()];
      while (this.startsRelationship()) {
        parts.push(this.relationshipPattern(), this.nodePattern());
      }
      return node('patternElement', parts);
    });
    if (plain) {
      return plain;
    }
    return node('patternElement', [this.sym('('), this.patternElement(), this.sym(')')]);
  }

  /** `relationshipsPattern : nodePattern patternElementChain+` */
  private relationshipsPattern(): Node {
    const parts: Part[] = [this.nodePattern()];
    if (!this.startsRelationship()) {
      this.fail();
    }
    while (this.startsRelationship()) {
      parts.push(this.relationshipPattern(), this.nodePattern());
    }
    return node('relationshipsPattern', parts);
  }

  private startsRelationship(): boolean {
    return this.isSym('-') || (this.isSym('<') && this.isSym('-', 1));
  }

  /** `nodePattern : '(' variable? ( nodeLabels | labelExpression )? properties? ')'` */
  private nodePattern(): Node {
    const parts: Part[] = [this.sym('(')];
    if (this.isNameToken()) {
      parts.push(this.name());
    }
    if (this.isSym(':')) {
      parts.push(this.sym(':'), this.labelName());
      if (this.isSym('|')) {
        while (this.isSym('|')) {
          parts.push(this.sym('|'), this.name());
        }
      } else {
        while (this.isSym(':')) {
          parts.push(this.sym(':'), this.labelName());
        }
      }
    }
    if (this.isSym('{') || this.isSym('$')) {
      parts.push(this.properties());
    }
    parts.push(this.sym(')'));
    return node('nodePattern', parts);
  }

  /** `labelName : symbolicName | parameter | variable propertyLookup+` (relTypeName alike). */
  private labelName(): Node {
    if (this.isSym('$')) {
      return node('labelName', [this.parameter()]);
    }
    const parts: Part[] = [this.name()];
    while (this.isSym('.') && this.isNameToken(1)) {
      parts.push(this.sym('.'), this.name());
    }
    return node('labelName', parts);
  }

  private properties(): Node {
    return this.isSym('$') ? this.parameter() : this.mapLiteral();
  }

  /** `relationshipPattern : leftArrowHead? dash relationshipDetail? dash rightArrowHead?` */
  private relationshipPattern(): Node {
    const parts: Part[] = [];
    if (this.isSym('<')) {
      parts.push(this.arrowSym('<'));
    }
    parts.push(this.arrowSym('-'));
    if (this.isSym('[')) {
      parts.push(this.relationshipDetail());
    }
    parts.push(this.arrowSym('-'));
    if (this.isSym('>')) {
      parts.push(this.arrowSym('>'));
    }
    return node('relationshipPattern', parts);
  }

  /**
   * `relationshipDetail : '[' variable? relationshipTypes? variableExpansion? properties?
   *  ( relationshipLambda variable? )? relationshipLambda? ']'` (the union of the grammar's three alternatives).
   */
  private relationshipDetail(): Node {
    const parts: Part[] = [this.sym('[')];
    if (this.isNameToken()) {
      parts.push(this.name());
    }
    if (this.isSym(':')) {
      parts.push(this.sym(':'), this.labelName());
      while (this.isSym('|')) {
        parts.push(this.sym('|'));
        if (this.isSym(':')) {
          parts.push(this.sym(':'));
        }
        parts.push(this.labelName());
      }
    }
    if (this.isSym('*')) {
      parts.push(this.variableExpansion());
    }
    if (this.isSym('{') || this.isSym('$')) {
      parts.push(this.properties());
    }
    if (this.isSym('(')) {
      parts.push(this.relationshipLambda());
      if (this.isNameToken()) {
        parts.push(this.name());
      }
      if (this.isSym('(')) {
        parts.push(this.relationshipLambda());
      }
    }
    parts.push(this.sym(']'));
    return node('relationshipDetail', parts);
  }

  /** `variableExpansion : '*' ( BFS | WSHORTEST | ALLSHORTEST | KSHORTEST )? expression? ( '..' expression? )? ( '|' expression )?` */
  private variableExpansion(): Node {
    const parts: Part[] = [this.sym('*')];
    const kind = this.peek();
    if (kind.kind === 'word' && VARIABLE_EXPANSION_KINDS.has(kind.upper)) {
      parts.push(this.kw(kind.upper));
    }
    const bound = (): void => {
      if (this.isSym(']') || this.isSym('..') || this.isSym('|') || this.isSym('{')) {
        return;
      }
      const expression = this.attempt(() => this.expression());
      if (expression) {
        parts.push(expression);
      }
    };
    bound();
    if (this.isSym('..')) {
      parts.push(this.sym('..'));
      bound();
    }
    if (this.isSym('|')) {
      parts.push(this.sym('|'), this.expression());
    }
    return node('variableExpansion', parts);
  }

  /** `relationshipLambda : '(' variable ',' variable ( ',' variable )? ( ',' variable )? '|' expression ')'` */
  private relationshipLambda(): Node {
    const parts: Part[] = [this.sym('('), this.name(), this.sym(','), this.name()];
    for (let k = 0; k < 2 && this.isSym(','); k++) {
      parts.push(this.sym(','), this.name());
    }
    parts.push(this.sym('|'), this.expression(), this.sym(')'));
    return node('relationshipLambda', parts);
  }

  // ---------------------------------------------------------------- expressions

  private expressionList(): Part[] {
    const parts: Part[] = [this.expression()];
    while (this.isSym(',')) {
      parts.push(this.sym(','), this.expression());
    }
    return parts;
  }

  /** `expression : expression12` … down to `expression2b`, levels as in Cypher.g4. */
  expression(): Node {
    // nested() inlined: expression is the hottest rule, and a closure per call shows in the profile.
    if (++this.depth > MAX_NESTING) {
      this.refuse('unsupported', 'NESTING', cypherText('refusal.nests-deeper', { max: MAX_NESTING }), this.peek());
    }
    try {
      return this.binary(0);
    } finally {
      this.depth--;
    }
  }

  /** `expression12` (OR), `expression11` (XOR), `expression10` (AND): `level` indexes BINARY_WORDS. */
  private binary(level: number): Node {
    const word = BINARY_WORDS[level];
    const first = level < 2 ? this.binary(level + 1) : this.expression9();
    if (!this.isWord(word)) {
      return first;
    }
    const parts: Part[] = [first];
    while (this.isWord(word)) {
      parts.push(this.kw(word), level < 2 ? this.binary(level + 1) : this.expression9());
    }
    return node(BINARY_NODES[level], parts);
  }

  /** `expression9 : NOT* expression8` */
  private expression9(): Node {
    if (!this.isWord('NOT')) {
      return this.expression8();
    }
    const nots: Part[] = [];
    while (this.isWord('NOT')) {
      nots.push(this.kw('NOT'));
    }
    const operand = this.expression8();
    return node('not', [...nots, operand]);
  }

  /** `expression8 : expression7 partialComparisonExpression*` */
  private expression8(): Node {
    const first = this.expression7();
    let parts: Part[] | undefined;
    while (this.peek().kind === 'symbol' && COMPARISON.has(this.peek().value)) {
      (parts ??= [first]).push(this.sym(this.peek().value), this.expression7());
    }
    return parts ? node('comparison', parts) : first;
  }

  /** `expression7 : expression6 stringAndNullOperators*` */
  private expression7(): Node {
    const first = this.expression6();
    const token = this.peek();
    // Most operands are followed by none of these operators: skip the array and the checks below.
    if (token.kind !== 'word' && !(token.kind === 'symbol' && token.value === '=~')) {
      return first;
    }
    const parts: Part[] = [first];
    for (;;) {
      if (this.isSym('=~')) {
        parts.push(this.sym('=~'), this.expression6());
      } else if (this.isWord('IN') || this.isWord('CONTAINS')) {
        parts.push(this.kw(this.peek().upper), this.expression6());
      } else if ((this.isWord('STARTS') || this.isWord('ENDS')) && this.isWord('WITH', 1)) {
        parts.push(this.kw(this.peek().upper), this.kw('WITH'), this.expression6());
      } else if (this.isWord('IS') && this.isWord('NULL', 1)) {
        parts.push(this.kw('IS'), this.kw('NULL'));
      } else if (this.isWord('IS') && this.isWord('NOT', 1) && this.isWord('NULL', 2)) {
        parts.push(this.kw('IS'), this.kw('NOT'), this.kw('NULL'));
      } else {
        break;
      }
    }
    return parts.length > 1 ? node('predicate', parts) : first;
  }

  /** `expression6` (+ -), `expression5` (* / %), `expression4` (^): `level` indexes ARITHMETIC. */
  private arithmetic(level: number): Node {
    const { name, symbols } = ARITHMETIC[level];
    const first = level < 2 ? this.arithmetic(level + 1) : this.expression3();
    let parts: Part[] | undefined;
    while (this.peek().kind === 'symbol' && symbols.includes(this.peek().value)) {
      (parts ??= [first]).push(this.sym(this.peek().value), level < 2 ? this.arithmetic(level + 1) : this.expression3());
    }
    return parts ? node(name, parts) : first;
  }

  /** `expression6` and below, down to `expression3` (unary + -). */
  private expression6(): Node {
    return this.arithmetic(0);
  }

  private expression3(): Node {
    if (!this.isSym('+') && !this.isSym('-')) {
      return this.expression2a();
    }
    const signs: Part[] = [];
    while (this.isSym('+') || this.isSym('-')) {
      signs.push(this.sym(this.peek().value));
    }
    const operand = this.expression2a();
    return node('unary', [...signs, operand]);
  }

  /** `expression2a : expression2b nodeLabels?` */
  private expression2a(): Node {
    const operand = this.expression2b();
    if (!this.isSym(':') || !(this.isNameToken(1) || this.isSym('$', 1))) {
      return operand;
    }
    const parts: Part[] = [operand];
    while (this.isSym(':') && (this.isNameToken(1) || this.isSym('$', 1))) {
      parts.push(this.sym(':'), this.labelName());
    }
    return node('labelPredicate', parts);
  }

  /** `expression2b : atom memberAccess*` */
  private expression2b(): Node {
    let current = this.atom();
    for (;;) {
      if (this.isSym('.') && this.isNameToken(1)) {
        current = node('property', [current, this.sym('.'), this.name()]);
      } else if (this.isSym('[')) {
        current = node('index', [current, ...this.indexOrSlice()]);
      } else {
        return current;
      }
    }
  }

  /** `listIndexingOrSlicing : '[' expression ']' | '[' expression? '..' expression? ']'` */
  private indexOrSlice(): Part[] {
    const parts: Part[] = [this.sym('[')];
    if (!this.isSym('..')) {
      parts.push(this.expression());
    }
    if (this.isSym('..')) {
      parts.push(this.sym('..'));
      if (!this.isSym(']')) {
        parts.push(this.expression());
      }
    }
    parts.push(this.sym(']'));
    return parts;
  }

  /** `atom`, alternatives tried in Cypher.g4's order where they overlap. */
  private atom(): Node {
    if (--this.budget < 0) {
      this.refuse(
        'unsupported',
        'COMPLEXITY',
        cypherText('refusal.too-complex'),
        this.peek()
      );
    }
    const token = this.peek();
    switch (token.kind) {
      case 'int':
        return node('literal', [this.intLiteral()]);
      case 'float':
        return node('literal', [this.floatLiteral()]);
      case 'string':
        this.i++;
        return node('literal', [{ role: 'str', value: token.value, source: token.start }]);
      case 'symbol':
        if (token.value === '$') {
          return this.parameter();
        }
        if (token.value === '{') {
          return this.mapLiteral();
        }
        if (token.value === '[') {
          return this.bracketAtom();
        }
        if (token.value === '(') {
          return (
            (this.mayStartNodePattern() ? this.attempt(() => this.patternExpression()) : undefined) ??
            node('parenthesized', [this.sym('('), this.expression(), this.sym(')')])
          );
        }
        return this.fail();
      case 'word':
        return this.wordAtom();
      case 'escaped':
        return this.nameAtom();
      default:
        return this.fail();
    }
  }

  /**
   * At a `(`: whether a nodePattern can start here. After `(` and an optional name, a nodePattern continues only
   * with `:`, `{`, `$` or `)`; anything else fails there, and the parenthesised expression (which reads at least
   * that far) is the only reading — so the attempt is skipped without throwing.
   */
  private mayStartNodePattern(): boolean {
    const k = this.isNameToken(1) ? 2 : 1;
    return this.isSym(':', k) || this.isSym('{', k) || this.isSym('$', k) || this.isSym(')', k);
  }

  private intLiteral(): Leaf {
    const token = this.peek();
    if (token.kind !== 'int') {
      this.fail();
    }
    if (token.big! > INT64_MAX) {
      this.refuse(
        'syntax',
        token.text.toUpperCase(),
        cypherText('refusal.integer-range', { number: token.text }),
        token
      );
    }
    this.i++;
    return { role: 'int', value: token.big!.toString(), source: token.start };
  }

  private floatLiteral(): Leaf {
    const token = this.peek();
    if (token.kind !== 'float') {
      this.fail();
    }
    if (!Number.isFinite(token.num)) {
      this.refuse(
        'syntax',
        token.text.toUpperCase(),
        cypherText('refusal.double-range', { number: token.text }),
        token
      );
    }
    this.i++;
    return { role: 'float', value: formatFloat(token.num!), source: token.start };
  }

  /** `parameter : '$' ( symbolicName | DecimalLiteral )`, printed `$name` for names Memgraph's stripper reads the same. */
  private parameter(): Node {
    const dollar = this.sym('$');
    const token = this.peek();
    let value: string | undefined;
    if (token.kind === 'word' || token.kind === 'escaped') {
      value = ASCII_IDENTIFIER.test(token.value) ? token.value : undefined;
    } else if (token.kind === 'int') {
      value = DECIMAL_LITERAL.test(token.text) ? token.text : undefined;
    } else {
      this.fail();
    }
    if (value === undefined) {
      this.refuse(
        'syntax',
        `$${token.text.toUpperCase()}`,
        cypherText('refusal.parameter-name', { name: token.text }),
        token
      );
    }
    this.i++;
    return node('parameter', [{ role: 'param', value, source: dollar.source }]);
  }

  /** `mapLiteral : '{' ( propertyKeyName ':' expression ( ',' … )* )? '}'` */
  private mapLiteral(): Node {
    const parts: Part[] = [this.sym('{')];
    if (!this.isSym('}')) {
      this.commaSeparated(parts, () => {
        parts.push(this.name(), this.sym(':'), this.expression());
      });
    }
    parts.push(this.sym('}'));
    return node('map', parts);
  }

  /** `listComprehension`, `patternComprehension` or `listLiteral` (grammar order). */
  private bracketAtom(): Node {
    const comprehension = !(this.isNameToken(1) && this.isWord('IN', 2))
      ? undefined
      : this.attempt(() => {
          const parts: Part[] = [this.sym('['), this.filterExpression()];
          if (this.isSym('|')) {
            parts.push(this.sym('|'), this.expression());
          }
          parts.push(this.sym(']'));
          return node('listComprehension', parts);
        });
    if (comprehension) {
      return comprehension;
    }
    const startsPattern = this.isSym('(', 1) || (this.isNameToken(1) && this.isSym('=', 2));
    const patternComprehension = !startsPattern
      ? undefined
      : this.attempt(() => {
          const parts: Part[] = [this.sym('[')];
          if (this.isNameToken() && this.isSym('=', 1)) {
            parts.push(this.name(), this.sym('='));
          }
          parts.push(this.relationshipsPattern());
          if (this.isWord('WHERE')) {
            parts.push(this.where());
          }
          parts.push(this.sym('|'), this.expression(), this.sym(']'));
          return node('patternComprehension', parts);
        });
    if (patternComprehension) {
      return patternComprehension;
    }
    const parts: Part[] = [this.sym('[')];
    if (!this.isSym(']')) {
      parts.push(...this.expressionList());
    }
    parts.push(this.sym(']'));
    return node('list', parts);
  }

  /** `filterExpression : idInColl where?` with `idInColl : variable IN expression` */
  private filterExpression(): Node {
    const parts: Part[] = [this.name(), this.kw('IN'), this.expression()];
    if (this.isWord('WHERE')) {
      parts.push(this.where());
    }
    return node('filterExpression', parts);
  }

  /** `patternExpression : forcePatternPart` with `forcePatternPart : ( variable '=' )? relationshipsPattern` */
  private patternExpression(): Node {
    return node('patternExpression', [this.relationshipsPattern()]);
  }

  private wordAtom(): Node {
    const word = this.peek().upper;
    if (word === 'TRUE' || word === 'FALSE' || word === 'NULL') {
      return node('literal', [this.kw(word)]);
    }
    // Cheap lookahead first: backtracking throws, and most words are plain names.
    // COUNT is a keyword atom only as COUNT(*); count(x) is a function call.
    const countAll = word !== 'COUNT' || (this.isSym('(', 1) && this.isSym('*', 2));
    if (KEYWORD_ATOMS.has(word) && countAll && (word === 'CASE' || this.isSym('(', 1) || this.isSym('{', 1))) {
      const special = this.attempt(() => this.keywordAtom(word));
      if (special) {
        return special;
      }
    }
    return this.nameAtom();
  }

  /** The atoms that start with a keyword: CASE, COUNT(*), FILTER, EXTRACT, REDUCE, COALESCE, ALL/ANY/NONE/SINGLE, EXISTS. */
  private keywordAtom(word: string): Node | undefined {
    switch (word) {
      case 'CASE': {
        const parts: Part[] = [this.kw('CASE')];
        if (!this.isWord('WHEN')) {
          parts.push(this.expression());
        }
        do {
          parts.push(this.kw('WHEN'), this.expression(), this.kw('THEN'), this.expression());
        } while (this.isWord('WHEN'));
        if (this.isWord('ELSE')) {
          parts.push(this.kw('ELSE'), this.expression());
        }
        parts.push(this.kw('END'));
        return node('case', parts);
      }
      case 'COUNT':
        if (this.isSym('(', 1) && this.isSym('*', 2)) {
          return node('countAll', [this.kw('COUNT'), this.sym('('), this.sym('*'), this.sym(')')]);
        }
        return this.fail();
      case 'ALL':
      case 'ANY':
      case 'NONE':
      case 'SINGLE':
      case 'FILTER':
        return node(word.toLowerCase(), [this.kw(word), this.sym('('), this.filterExpression(), this.sym(')')]);
      case 'EXTRACT':
        return node('extract', [
          this.kw('EXTRACT'),
          this.sym('('),
          this.name(),
          this.kw('IN'),
          this.expression(),
          this.sym('|'),
          this.expression(),
          this.sym(')'),
        ]);
      case 'REDUCE':
        return node('reduce', [
          this.kw('REDUCE'),
          this.sym('('),
          this.name(),
          this.sym('='),
          this.expression(),
          this.sym(','),
          this.name(),
          this.kw('IN'),
          this.expression(),
          this.sym('|'),
          this.expression(),
          this.sym(')'),
        ]);
      case 'COALESCE':
        return node('coalesce', [this.kw('COALESCE'), this.sym('('), ...this.expressionList(), this.sym(')')]);
      case 'EXISTS':
        if (this.isSym('(', 1)) {
          // Cypher.g4 `existsExpression : forcePatternPart | .*`, but the visitor (cypher_main_visitor.cpp
          // visitExistsExpression) throws for anything but a pattern: so a pattern only.
          const start = this.peek();
          const parts: Part[] = [this.kw('EXISTS'), this.sym('(')];
          const pattern = this.attempt(() => this.forcePatternPart(')'));
          if (!pattern) {
            this.refuse(
              'syntax',
              'EXISTS',
              cypherText('refusal.exists-pattern'),
              start
            );
          }
          parts.push(pattern, this.sym(')'));
          return node('exists', parts);
        }
        if (this.isSym('{', 1)) {
          const parts: Part[] = [this.kw('EXISTS'), this.sym('{')];
          parts.push(this.attempt(() => this.forcePatternPart('}')) ?? this.cypherQuery(false, false), this.sym('}'));
          return node('existsSubquery', parts);
        }
        return this.fail();
      default:
        return this.fail();
    }
  }

  /** `forcePatternPart : ( variable '=' )? relationshipsPattern`, when `close` follows it. */
  private forcePatternPart(close: string): Node {
    const parts: Part[] = [];
    if (this.isNameToken() && this.isSym('=', 1)) {
      parts.push(this.name(), this.sym('='));
    }
    parts.push(this.relationshipsPattern());
    if (!this.isSym(close)) {
      this.fail();
    }
    return node('forcePatternPart', parts);
  }

  /** An atom that starts with a name: enum value, map projection, function call or variable. */
  private nameAtom(): Node {
    const start = this.peek();
    // enumValueAccess : symbolicName ':' ':' symbolicName
    if (this.isSym(':', 1) && this.isSym(':', 2)) {
      return node('enum', [this.name(), this.sym(':'), this.sym(':'), this.name()]);
    }
    if (this.isSym('{', 1)) {
      const projection = this.attempt(() => this.mapProjection());
      if (projection) {
        return projection;
      }
      if (start.kind === 'word' && (start.upper === 'COUNT' || start.upper === 'COLLECT')) {
        this.refuse(
          'unsupported',
          `${start.upper} { … }`,
          cypherText('refusal.no-subquery-expression', { keyword: start.upper }),
          start,
          this.peek(1)
        );
      }
    }
    let k = 1;
    while (this.isSym('.', k) && this.isNameToken(k + 1)) {
      k += 2;
    }
    if (this.isSym('(', k)) {
      return this.functionInvocation(k);
    }
    return node('var', [this.name()]);
  }

  /** `mapProjectionLiteral : variable '{' ( mapElement ( ',' mapElement )* )? '}'` */
  private mapProjection(): Node {
    const parts: Part[] = [this.name(), this.sym('{')];
    if (!this.isSym('}')) {
      this.commaSeparated(parts, () => {
        if (this.isSym('.') && this.isSym('*', 1)) {
          parts.push(this.sym('.'), this.sym('*'));
        } else if (this.isSym('.')) {
          parts.push(this.sym('.'), this.name());
        } else if (this.isSym(':', 1)) {
          parts.push(this.name(), this.sym(':'), this.expression());
        } else {
          parts.push(this.name());
        }
      });
    }
    parts.push(this.sym('}'));
    return node('mapProjection', parts);
  }

  /**
   * `functionInvocation : functionName '(' DISTINCT? ( expression ( ',' expression )* )? ')'`. Memgraph names the
   * function by the name's text (visitFunctionName: `ctx->getText()`), so a back-quoted name would keep its
   * back-ticks: names are printed bare and only plain ASCII identifiers are accepted.
   */
  private functionInvocation(nameTokens: number): Node {
    const nameParts: Part[] = [];
    for (let k = 0; k < nameTokens; k++) {
      const token = this.peek();
      if (k % 2 === 1) {
        nameParts.push(this.sym('.'));
        continue;
      }
      if (token.kind !== 'word' || !ASCII_IDENTIFIER.test(token.text) || CLAUSE_WORDS.has(token.upper)) {
        this.refuse(
          'syntax',
          token.text.toUpperCase(),
          cypherText('refusal.function-name', { name: token.text }),
          token
        );
      }
      this.i++;
      nameParts.push({ role: 'fn', value: token.text, source: token.start });
    }
    const parts: Part[] = [node('functionName', nameParts), this.sym('(')];
    if (this.isWord('DISTINCT')) {
      parts.push(this.kw('DISTINCT'));
    }
    if (!this.isSym(')')) {
      parts.push(...this.expressionList());
    }
    parts.push(this.sym(')'));
    return node('function', parts);
  }
}
