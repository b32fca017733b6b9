// How a query is looked up among responders, beyond the exact text: one rule, so a product statement sent
// through the Bolt gateway (which sends Memgraph the canonical text it checked, with a QUERY MEMORY LIMIT) gets the
// answer the same statement gets sent directly.
import { checkReadQuery } from '@opentruss/cypher';

/**
 * A trailing `QUERY MEMORY LIMIT n MB|KB` / `QUERY MEMORY UNLIMITED` (Memgraph 3.12's grammar ends cypherQuery with
 * it). Memgraph accepts it and answers the query the same, so lookups ignore it.
 */
const QUERY_MEMORY_LIMIT = /\s+QUERY\s+MEMORY\s+(?:UNLIMITED|LIMIT\s+(\d+)\s*(MB|KB))\s*$/i;

/** The query a responder is looked up by, and the memory limit it carries in bytes (undefined = none). */
export function queryKey(query: string): { query: string; memoryLimitBytes?: number } {
  const found = QUERY_MEMORY_LIMIT.exec(query);
  if (!found) {
    return { query };
  }
  const scale = found[2]?.toUpperCase() === 'MB' ? 1024 * 1024 : 1024; // Memgraph's MB and KB are binary
  return {
    query: query.slice(0, found.index),
    memoryLimitBytes: found[1] === undefined ? undefined : Number(found[1]) * scale,
  };
}

/**
 * The texts an exact-text responder answers (compared with queryKey's query): its key as written and the canonical
 * text @opentruss/cypher's read-only checker prints for it (what the gateway sends) when the checker accepts it,
 * both without a trailing memory limit.
 */
export function keyTexts(key: string): string[] {
  const text = queryKey(key).query;
  const checked = checkReadQuery(text);
  return checked.ok && checked.canonical !== text ? [text, checked.canonical] : [text];
}
