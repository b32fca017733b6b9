// Which responder answers a query: the most recently added one that matches (so a test's own responder
// overrides fixture entries), each answering at most `times` queries when that is set. Matchers see the query
// without a trailing QUERY MEMORY LIMIT; an exact-text key also matches its canonical text (query-key.ts).
import type { Responder } from '../api';
import { keyTexts, queryKey } from './query-key';

interface Entry {
  responder: Responder;
  remaining: number;
  /** For an exact-text responder: the texts it answers. */
  texts?: string[];
}

export class ResponderError extends Error {}

export function describeResponder(responder: Responder): string {
  if (responder.name) {
    return `"${responder.name}"`;
  }
  const { match } = responder;
  return typeof match === 'function' ? 'predicate responder' : `responder for ${String(match)}`;
}

/** Catches malformed responders when they are added, not when a query happens to reach them. */
function validateResponder(responder: Responder): void {
  const problems: string[] = [];
  const r = responder as unknown as Record<string, unknown>;
  if (!(typeof r.match === 'string' || r.match instanceof RegExp || typeof r.match === 'function')) {
    problems.push('`match` must be a query string, a RegExp or a function (query, parameters) => boolean');
  }
  const hasFailure = 'failure' in r && r.failure !== undefined;
  const hasFields = 'fields' in r && r.fields !== undefined;
  if (hasFailure === hasFields) {
    problems.push('give either `fields` (+ `records`) or `failure`, not both or neither');
  }
  if (hasFields && !(Array.isArray(r.fields) && r.fields.every((f) => typeof f === 'string'))) {
    problems.push('`fields` must be an array of strings');
  }
  if (hasFailure) {
    const failure = r.failure as Record<string, unknown> | null;
    if (typeof failure?.code !== 'string' || typeof failure?.message !== 'string') {
      problems.push('`failure` must be { code: string, message: string }');
    }
  }
  if (r.autoCommitOnly !== undefined && (typeof r.autoCommitOnly !== 'string' || r.autoCommitOnly === '')) {
    problems.push('`autoCommitOnly` must be the statement\'s name as Memgraph\'s refusal says it');
  }
  if (r.records !== undefined && !Array.isArray(r.records) && typeof r.records !== 'function') {
    problems.push('`records` must be an array of rows or a function returning an (async) iterable of rows');
  }
  for (const key of ['delayMs', 'batchDelayMs', 'disconnectAfterRecords', 'times', 'memoryMb']) {
    const value = r[key];
    if (value !== undefined && !(typeof value === 'number' && Number.isFinite(value) && value >= 0)) {
      problems.push(`\`${key}\` must be a number ≥ 0`);
    }
  }
  if (problems.length > 0) {
    throw new ResponderError(`invalid ${describeResponder(responder)}: ${problems.join('; ')}`);
  }
}

function matches(entry: Entry, query: string, parameters: Record<string, unknown>): boolean {
  const { responder } = entry;
  const { match } = responder;
  if (typeof match === 'string') {
    return entry.texts!.includes(query);
  }
  if (match instanceof RegExp) {
    match.lastIndex = 0; // a /g or /y expression keeps state between calls
    return match.test(query);
  }
  try {
    return match(query, parameters);
  } catch (error) {
    throw new ResponderError(`the match function of ${describeResponder(responder)} threw: ${(error as Error).message}`);
  }
}

export class ResponderRegistry {
  private entries: Entry[] = [];

  add(responder: Responder): void {
    validateResponder(responder);
    const texts = typeof responder.match === 'string' ? keyTexts(responder.match) : undefined;
    // keyTexts ends with the text the gateway would send. Two keys that differ only where the canonical form does not
    // keep them (comments, spacing, case) would both answer it, the later one silently: refuse the second instead.
    const sent = texts?.at(-1);
    const twin = sent && this.entries.find((e) => e.texts?.at(-1) === sent && e.texts[0] !== texts?.[0]);
    if (twin) {
      throw new ResponderError(
        `${describeResponder(responder)} and ${describeResponder(twin.responder)} have the same canonical text ` +
          '(what the Bolt gateway sends): tell them apart by something the query keeps, e.g. a string literal'
      );
    }
    this.entries.push({ responder, remaining: responder.times ?? Infinity, texts });
  }

  clear(): void {
    this.entries = [];
  }

  /** The responder for this query (counting one use of it), or undefined. */
  take(query: string, parameters: Record<string, unknown>): Responder | undefined {
    const key = queryKey(query).query;
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const entry = this.entries[i];
      if (entry.remaining > 0 && matches(entry, key, parameters)) {
        entry.remaining--;
        return entry.responder;
      }
    }
    return undefined;
  }
}
