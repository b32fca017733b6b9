// Fixture files: a JSON array of responder entries with Jolt values, e.g.
//   [{ "match": "RETURN 1 AS n", "fields": ["n"], "records": [[{"Z": "1"}]] },
//    { "match": {"regex": "^SHOW"}, "error": {"code": "Memgraph.ClientError.MemgraphError.MemgraphError", "message": "…"} }]
import fs from 'node:fs';
import path from 'node:path';
import type { QueryMatcher, Responder, Row } from '../api';
import { JoltError, parseJolt, toJolt } from './jolt';

const ENTRY_KEYS = new Set([
  'name',
  'match',
  'parameters',
  'fields',
  'records',
  'error',
  'delayMs',
  'batchDelayMs',
  'disconnectAfterRecords',
  'hang',
  'times',
  'summary',
]);

export class FixtureError extends Error {}

/** Reads a Jolt fixture file into responders, in file order. Throws a FixtureError naming file and entry. */
export function loadFixtureFile(file: string): Responder[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new FixtureError(`cannot read fixture file ${file}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FixtureError(`fixture file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  return respondersFromFixture(json, path.basename(file));
}

/** The same for fixture JSON already in memory; `source` names it in errors and responder names. */
export function respondersFromFixture(json: unknown, source: string): Responder[] {
  if (!Array.isArray(json)) {
    throw new FixtureError(`${source}: a fixture file is a JSON array of entries`);
  }
  return json.map((entry, index) => {
    const where = `${source}[${index}]`;
    try {
      return entryToResponder(entry, where);
    } catch (error) {
      if (error instanceof JoltError || error instanceof FixtureError) {
        throw new FixtureError(`${where}: ${error.message}`);
      }
      throw error;
    }
  });
}

function entryToResponder(entry: unknown, where: string): Responder {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    throw new FixtureError('an entry is an object with "match" and "fields"/"records" or "error"');
  }
  const e = entry as Record<string, unknown>;
  const unknownKeys = Object.keys(e).filter((k) => !ENTRY_KEYS.has(k));
  if (unknownKeys.length > 0) {
    throw new FixtureError(`unknown key(s) ${unknownKeys.join(', ')}; allowed: ${[...ENTRY_KEYS].join(', ')}`);
  }
  const common = {
    name: typeof e.name === 'string' ? e.name : where,
    match: matcherOf(e.match, e.parameters),
    ...numberOption(e, 'delayMs'),
    ...numberOption(e, 'times'),
    ...(e.hang === undefined ? {} : { hang: booleanOption(e.hang, 'hang') }),
  };
  if (e.error !== undefined) {
    if (e.fields !== undefined || e.records !== undefined) {
      throw new FixtureError('an entry has either "error" or "fields"/"records", not both');
    }
    const error = e.error as Record<string, unknown> | null;
    if (typeof error?.code !== 'string' || typeof error?.message !== 'string') {
      throw new FixtureError('"error" must be {"code": "…", "message": "…"}');
    }
    return { ...common, failure: { code: error.code, message: error.message } };
  }
  if (!Array.isArray(e.fields) || !e.fields.every((f) => typeof f === 'string')) {
    throw new FixtureError('"fields" must be a list of column names');
  }
  if (e.records !== undefined && !Array.isArray(e.records)) {
    throw new FixtureError('"records" must be a list of rows');
  }
  const records = ((e.records as unknown[] | undefined) ?? []).map((row, i) => {
    if (!Array.isArray(row) || row.length !== (e.fields as string[]).length) {
      throw new FixtureError(`records[${i}] must be a list of ${(e.fields as string[]).length} value(s), one per field`);
    }
    return parseJolt(row, `records[${i}]`) as Row;
  });
  return {
    ...common,
    fields: e.fields as string[],
    records,
    ...numberOption(e, 'batchDelayMs'),
    ...numberOption(e, 'disconnectAfterRecords'),
    ...(e.summary === undefined ? {} : { summary: parseJolt(e.summary, 'summary') as Record<string, unknown> }),
  };
}

function matcherOf(match: unknown, parameters: unknown): QueryMatcher {
  const queryMatches = queryMatcherOf(match);
  if (parameters === undefined) {
    return queryMatches;
  }
  if (typeof parameters !== 'object' || parameters === null || Array.isArray(parameters)) {
    throw new FixtureError('"parameters" must be a map of the parameter values this entry answers');
  }
  // Every listed parameter must equal the one received (compared in canonical Jolt); others may be anything.
  const expected = Object.entries(parseJolt(parameters, 'parameters') as Record<string, unknown>).map(
    ([key, value]) => [key, canonical(value)] as const
  );
  const test = (query: string) => (typeof queryMatches === 'string' ? query === queryMatches : (queryMatches as RegExp).test(query));
  return (query, received) =>
    test(query) && expected.every(([key, value]) => key in received && canonical(received[key]) === value);
}

function queryMatcherOf(match: unknown): string | RegExp {
  if (typeof match === 'string') {
    return match;
  }
  const regex = (match as Record<string, unknown> | null)?.regex;
  if (typeof regex === 'string') {
    const flags = (match as Record<string, unknown>).flags;
    try {
      return new RegExp(regex, typeof flags === 'string' ? flags.replace(/[gy]/g, '') : undefined);
    } catch (error) {
      throw new FixtureError(`invalid regex ${JSON.stringify(regex)}: ${(error as Error).message}`);
    }
  }
  throw new FixtureError('"match" must be the exact query text or {"regex": "…", "flags"?: "…"}');
}

/** Jolt text with map keys sorted: equal values, equal text. */
function canonical(value: unknown): string {
  return JSON.stringify(toJolt(value), (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v
  );
}

function numberOption(entry: Record<string, unknown>, key: string): Record<string, number> {
  const value = entry[key];
  if (value === undefined) {
    return {};
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new FixtureError(`"${key}" must be a number ≥ 0`);
  }
  return { [key]: value };
}

function booleanOption(value: unknown, key: string): boolean {
  if (typeof value !== 'boolean') {
    throw new FixtureError(`"${key}" must be true or false`);
  }
  return value;
}
