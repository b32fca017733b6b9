// A reader for the stack's Alloy configuration (deploy/alloy/config.alloy): blocks, attributes and string
// literals, enough for the checks to find the labels the pipeline sets, the LogQL selectors of its `stage.match`
// blocks and the regular expressions it parses lines with. Alloy itself is the only full interpreter of this
// syntax; this reader fails loudly on anything it does not understand rather than guessing.

export interface AlloyAttribute {
  name: string;
  /** The value's source text, as written. */
  raw: string;
}

export interface AlloyBlock {
  /** `stage.match`, `loki.process`, … */
  name: string;
  /** The block's label (`loki.process "levels"` → `levels`), if any. */
  label?: string;
  attributes: AlloyAttribute[];
  blocks: AlloyBlock[];
}

/** Alloy strings are Go-style double-quoted strings (or raw back-quoted ones); JSON reads the former exactly. */
export function alloyString(raw: string): string {
  const text = raw.trim();
  if (text.startsWith('`') && text.endsWith('`')) {
    return text.slice(1, -1);
  }
  if (!/^"(?:[^"\\]|\\.)*"$/s.test(text)) {
    throw new Error(`Not a single Alloy string literal: ${text}`);
  }
  return JSON.parse(text) as string;
}

class Reader {
  private pos = 0;
  constructor(private readonly text: string) {}

  parseBody(until: string | null): Pick<AlloyBlock, 'attributes' | 'blocks'> {
    const attributes: AlloyAttribute[] = [];
    const blocks: AlloyBlock[] = [];
    for (;;) {
      this.skipSpaceAndComments();
      if (this.pos >= this.text.length) {
        if (until !== null) {
          throw new Error('Unexpected end of the Alloy file: a block is not closed');
        }
        return { attributes, blocks };
      }
      if (this.text[this.pos] === until) {
        this.pos++;
        return { attributes, blocks };
      }
      const name = this.identifier();
      this.skipInlineSpace();
      if (this.text[this.pos] === '=') {
        this.pos++;
        attributes.push({ name, raw: this.value().trim() });
        continue;
      }
      let label: string | undefined;
      if (this.text[this.pos] === '"') {
        const start = this.pos;
        this.skipString();
        label = alloyString(this.text.slice(start, this.pos));
        this.skipInlineSpace();
      }
      if (this.text[this.pos] !== '{') {
        throw new Error(`Expected "{" or "=" after ${name} at offset ${this.pos}`);
      }
      this.pos++;
      blocks.push({ name, label, ...this.parseBody('}') });
    }
  }

  private identifier(): string {
    const match = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(this.text.slice(this.pos));
    if (!match) {
      throw new Error(`Expected an identifier at offset ${this.pos}: ${this.text.slice(this.pos, this.pos + 30)}`);
    }
    this.pos += match[0].length;
    return match[0];
  }

  /** An attribute's value: up to the end of its line, with brackets and strings spanning lines. */
  private value(): string {
    const start = this.pos;
    let depth = 0;
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (c === '"' || c === '`') {
        this.skipString();
        continue;
      }
      if (c === '{' || c === '[' || c === '(') {
        depth++;
      } else if (c === '}' || c === ']' || c === ')') {
        if (depth === 0) {
          break;
        }
        depth--;
      } else if (c === '\n' && depth === 0) {
        break;
      } else if (c === '/' && this.text[this.pos + 1] === '/' && depth === 0) {
        break;
      }
      this.pos++;
    }
    return this.text.slice(start, this.pos);
  }

  private skipString(): void {
    const quote = this.text[this.pos];
    this.pos++;
    while (this.pos < this.text.length && this.text[this.pos] !== quote) {
      this.pos += quote === '"' && this.text[this.pos] === '\\' ? 2 : 1;
    }
    if (this.pos >= this.text.length) {
      throw new Error('Unterminated string in the Alloy file');
    }
    this.pos++;
  }

  private skipInlineSpace(): void {
    while (this.text[this.pos] === ' ' || this.text[this.pos] === '\t') {
      this.pos++;
    }
  }

  private skipSpaceAndComments(): void {
    for (;;) {
      while (/\s/.test(this.text[this.pos] ?? '')) {
        this.pos++;
      }
      if (this.text.startsWith('//', this.pos)) {
        const end = this.text.indexOf('\n', this.pos);
        this.pos = end < 0 ? this.text.length : end;
        continue;
      }
      return;
    }
  }
}

/** The top-level blocks of an Alloy configuration. */
export function parseAlloy(text: string): AlloyBlock[] {
  const body = new Reader(text).parseBody(null);
  if (body.attributes.length) {
    throw new Error(`Top-level attributes are not expected: ${body.attributes.map((a) => a.name).join(', ')}`);
  }
  return body.blocks;
}

/** Every block, depth first, with the chain of blocks around it. */
export function walkAlloy(blocks: AlloyBlock[], parents: AlloyBlock[] = []): Array<{ block: AlloyBlock; parents: AlloyBlock[] }> {
  return blocks.flatMap((block) => [{ block, parents }, ...walkAlloy(block.blocks, [...parents, block])]);
}

export function attribute(block: AlloyBlock, name: string): string | undefined {
  return block.attributes.find((a) => a.name === name)?.raw;
}

/** The keys of an object attribute such as `values = { service = "", level = "" }`. */
export function objectKeys(raw: string): string[] {
  const inner = raw.trim();
  if (!inner.startsWith('{') || !inner.endsWith('}')) {
    throw new Error(`Not an object: ${raw}`);
  }
  return [...inner.slice(1, -1).matchAll(/(?:^|[,\n])\s*("(?:[^"\\]|\\.)*"|[A-Za-z_][A-Za-z0-9_]*)\s*=/g)].map((m) =>
    m[1].startsWith('"') ? alloyString(m[1]) : m[1]
  );
}

/** The string items of a list attribute such as `values = ["filename", "records_in_file"]`. */
export function stringList(raw: string): string[] {
  const inner = raw.trim();
  if (!inner.startsWith('[') || !inner.endsWith(']')) {
    throw new Error(`Not a list: ${raw}`);
  }
  return [...inner.slice(1, -1).matchAll(/"(?:[^"\\]|\\.)*"/g)].map((m) => alloyString(m[0]));
}

/**
 * The Loki labels the pipeline leaves on a line: those its targets give (`path_targets` keys other than `__…`),
 * `loki.source.file`'s own `filename`, and every `stage.labels` key, less every `stage.label_drop` value.
 */
export function alloyLabels(blocks: AlloyBlock[]): string[] {
  const all = walkAlloy(blocks).map((w) => w.block);
  const set = new Set<string>();
  for (const block of all) {
    if (block.name === 'local.file_match') {
      const targets = attribute(block, 'path_targets') ?? '';
      for (const m of targets.matchAll(/"([^"]+)"\s*=/g)) {
        if (!m[1].startsWith('__')) {
          set.add(m[1]);
        }
      }
    }
    if (block.name === 'loki.source.file') {
      set.add('filename');
    }
    if (block.name === 'stage.labels') {
      objectKeys(attribute(block, 'values') ?? '{}').forEach((key) => set.add(key));
    }
  }
  for (const block of all.filter((b) => b.name === 'stage.label_drop')) {
    stringList(attribute(block, 'values') ?? '[]').forEach((label) => set.delete(label));
  }
  return [...set].sort();
}
