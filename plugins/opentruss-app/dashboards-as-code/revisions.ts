// Grafana re-imports a bundled dashboard only when its top-level `revision` grows (and the plugin version changes),
// so every change of content must raise it. The committed record maps each dashboard uid to the hash of its
// content (everything but `revision`) and the revision that content got; the generator bumps on any new hash.
import { createHash } from 'node:crypto';

export interface RevisionEntry {
  revision: number;
  contentHash: string;
}

export type RevisionRecord = Record<string, RevisionEntry>;

/** JSON with every object's keys sorted, so the hash follows content, not the order a builder set fields in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item
  );
}

/** SHA-256 of the dashboard's content (keys in canonical order), without its `revision`. */
export function contentHash(dashboard: object): string {
  const { revision: _revision, ...content } = dashboard as { revision?: unknown };
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** The revision for `hash`: unchanged content keeps its revision, anything else gets the next one (first: 1). */
export function nextRevision(previous: RevisionEntry | undefined, hash: string): RevisionEntry {
  if (previous && previous.contentHash === hash) {
    return previous;
  }
  return { revision: (previous?.revision ?? 0) + 1, contentHash: hash };
}

export function parseRevisionRecord(text: string): RevisionRecord {
  const value: unknown = JSON.parse(text);
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error('The revision record must be a JSON object of uid → { revision, contentHash }');
  }
  for (const [uid, entry] of Object.entries(value)) {
    const { revision, contentHash: hash } = (entry ?? {}) as Partial<RevisionEntry>;
    if (
      !Number.isInteger(revision) ||
      (revision as number) < 1 ||
      typeof hash !== 'string' ||
      !/^[0-9a-f]{64}$/.test(hash)
    ) {
      throw new Error(`Revision record entry "${uid}" must be { revision: positive integer, contentHash: sha256 hex }`);
    }
  }
  return value as RevisionRecord;
}
