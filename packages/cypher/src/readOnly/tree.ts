/**
 * The parse tree and the canonical printer. A leaf is printed for the role the parser gave it, never from the
 * user's spelling: keywords upper-case, names back-quoted, strings re-quoted with one escape set, numbers in one
 * spelling. Leaves are joined with exactly one ASCII space, so the canonical text has no comments.
 */

export type LeafRole = 'kw' | 'sym' | 'name' | 'fn' | 'str' | 'int' | 'float' | 'param';

export interface Leaf {
  role: LeafRole;
  /** kw: upper-case keyword; sym: ASCII symbol; name/str: the decoded value; fn: a plain ASCII identifier;
   *  int: decimal digits; float: a canonical FloatingLiteral; param: the parameter's name. */
  value: string;
  /** Where the leaf comes from in the checked text (a synthesised leaf points at what it belongs to). */
  source: number;
  /** Added by the checker (an alias, the memory limit), not read from the text. */
  synthetic?: boolean;
}

export interface Node {
  /** What the node is (`match`, `return`, `var`, `call-procedure`…): for checks and tests; the printer ignores it. */
  node: string;
  parts: Part[];
}

export type Part = Node | Leaf;

export const isLeaf = (part: Part): part is Leaf => 'role' in part;

/** A back-quoted name, back-ticks doubled (CypherLexer.g4 `EscapedSymbolicName`). */
export function quoteName(name: string): string {
  return name.includes('`') ? `\`${name.replace(/`/g, '``')}\`` : `\`${name}\``;
}

/**
 * A single-quoted string. Escapes `\\ \' \n \r \t`, and `\uXXXX` for other control characters — all read the same
 * by Memgraph's lexer (EscapeSequence), its stripper (stripped.cpp MatchString) and ParseStringLiteral.
 */
export function quoteString(value: string): string {
  if (!needsEscape(value)) {
    return `'${value}'`;
  }
  let out = "'";
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (char === '\\') {
      out += '\\\\';
    } else if (char === "'") {
      out += "\\'";
    } else if (char === '\n') {
      out += '\\n';
    } else if (char === '\r') {
      out += '\\r';
    } else if (char === '\t') {
      out += '\\t';
    } else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
      out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    } else {
      out += char;
    }
  }
  return `${out}'`;
}

/** Whether quoteString escapes any character of `value` (most strings: none). */
function needsEscape(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x5c || code === 0x27) {
      return true;
    }
  }
  return false;
}

/**
 * One FloatingLiteral spelling of a finite double that parses back to the same double: JavaScript's shortest
 * round-trip digits, exponent as `E` without `+` (the grammar has `E '-'?` only), `.0` added to whole numbers.
 */
export function formatFloat(value: number): string {
  const text = String(value).replace('e+', 'E').replace('e', 'E');
  return /[.E]/.test(text) ? text : `${text}.0`;
}

export function printLeaf(leaf: Leaf): string {
  switch (leaf.role) {
    case 'name':
      return quoteName(leaf.value);
    case 'str':
      return quoteString(leaf.value);
    case 'param':
      return `$${leaf.value}`;
    default:
      return leaf.value;
  }
}

export function leavesOf(part: Part, out: Leaf[] = []): Leaf[] {
  if (isLeaf(part)) {
    out.push(part);
  } else {
    for (const child of part.parts) {
      leavesOf(child, out);
    }
  }
  return out;
}

export interface Printed {
  text: string;
  /** Canonical start and end offsets of each leaf, and the leaf's source offset. */
  starts: Int32Array;
  ends: Int32Array;
  sources: Int32Array;
}

/**
 * The canonical text, and each leaf's canonical offsets and source offset (to map a Memgraph error position back).
 * One walk; the offset tables are typed arrays, as small as they can be kept (the gateway caches verdicts).
 */
export function print(root: Part): Printed {
  const pieces: string[] = [];
  const sources: number[] = [];
  collect(root, pieces, sources);
  const starts = new Int32Array(pieces.length);
  const ends = new Int32Array(pieces.length);
  let offset = 0;
  for (let k = 0; k < pieces.length; k++) {
    starts[k] = offset;
    offset += pieces[k].length;
    ends[k] = offset;
    offset += 1; // the one space between leaves
  }
  return { text: pieces.join(' '), starts, ends, sources: Int32Array.from(sources) };
}

function collect(part: Part, pieces: string[], sources: number[]): void {
  if (isLeaf(part)) {
    pieces.push(printLeaf(part));
    sources.push(part.source);
  } else {
    for (const child of part.parts) {
      collect(child, pieces, sources);
    }
  }
}

/** The source offset of the leaf at (or the leaf just after a space at) `canonicalOffset`. */
export function mapOffset(printed: Printed, canonicalOffset: number, sourceLength: number): number {
  const { starts, ends, sources } = printed;
  if (starts.length === 0 || canonicalOffset >= printed.text.length) {
    return sourceLength;
  }
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= Math.max(0, canonicalOffset)) {
      low = mid;
    } else {
      high = mid - 1;
    }
  }
  if (canonicalOffset >= ends[low]) {
    low++;
  }
  return low < sources.length ? sources[low] : sourceLength;
}
