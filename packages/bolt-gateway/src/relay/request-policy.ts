// What of a client's request reaches Memgraph besides the statement itself (that is statement-policy.ts): its text
// must be UTF-8, the BEGIN / RUN extra passes an allowlist of keys, and a request for another database, for
// impersonation or for a routing table is refused. Every refusal here is the gateway's own answer, with its own
// error code (@opentruss/contract), so no client mistakes it for Memgraph's.
import { gatewayErrorCodes } from '@opentruss/contract';
import { routingTableUnavailable, type BoltFailure, type InvalidUtf8 } from '@opentruss/bolt-protocol';

export interface RequestRefusal {
  /** Also a metric label (refusals by reason). */
  kind: 'protocol' | 'encoding';
  failure: BoltFailure;
}

/**
 * Extra keys a client may set that Memgraph reads (glue/SessionHL.cpp): `mode` and `tx_timeout` are then
 * overridden by the read-only extra, `tx_metadata` is only shown back by SHOW TRANSACTIONS, `bookmarks` are ignored
 * by Memgraph but sent by every driver after a commit. Any other key is dropped: Bolt adds keys over versions
 * (notification filters, …) and Memgraph may read one the gateway does not know.
 */
const PASSED_EXTRA_KEYS = new Set(['bookmarks', 'tx_timeout', 'tx_metadata', 'mode']);

const refused = (kind: RequestRefusal['kind'], message: string): RequestRefusal => ({
  kind,
  failure: {
    code: gatewayErrorCodes.refused,
    message: `Refused by the Bolt gateway: ${message}`,
  },
});

/**
 * The BEGIN or RUN extra as it may go upstream, or the refusal. `db` chooses a database (Memgraph would switch to
 * it: the gateway serves the default one only); `imp_user` asks to run as another Memgraph user. Both are refused
 * rather than dropped, so a client never gets answers from a database or as a user it did not ask for. A null or
 * empty value asks for nothing and is dropped.
 */
export function checkExtra(
  type: 'BEGIN' | 'RUN',
  extra: Record<string, unknown>
): { extra: Record<string, unknown> } | { refusal: RequestRefusal } {
  if (isSet(extra.db)) {
    return {
      refusal: refused(
        'protocol',
        `${type} asks for the database ${JSON.stringify(extra.db)}; the gateway serves Memgraph's default database ` +
          'only. Leave the database out of the session (the datasource\'s "Database" setting empty).'
      ),
    };
  }
  if (isSet(extra.imp_user)) {
    return {
      refusal: refused(
        'protocol',
        `${type} asks to impersonate the Memgraph user ${JSON.stringify(extra.imp_user)}; viewers of the gateway ` +
          'cannot run as another user. Remove the impersonated user from the session.'
      ),
    };
  }
  const passed: Record<string, unknown> = {};
  for (const key of Object.keys(extra)) {
    if (PASSED_EXTRA_KEYS.has(key)) {
      passed[key] = extra[key];
    }
  }
  return { extra: passed };
}

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/** What each field of a request holds, for naming the one that is not UTF-8. */
const FIELD_NAMES: Partial<Record<string, string[]>> = {
  RUN: ['the query text', 'a parameter (name or value)', 'the RUN extra'],
  BEGIN: ['the BEGIN extra'],
};

/**
 * A RUN or BEGIN with a string that is not UTF-8. Memgraph does not check (its stripper even reads the overlong
 * C0 A0 as a space), so the gateway would otherwise vouch for a text it read differently. The query text's
 * position is given as line and column (of the text before the bad bytes, which is valid).
 */
export function invalidTextRefusal(
  type: string,
  bytes: Buffer,
  fieldStarts: number[],
  invalid: InvalidUtf8
): RequestRefusal {
  const field = fieldStarts.filter((start) => start <= invalid.stringStart).length - 1;
  const what = FIELD_NAMES[type]?.[field] ?? `field ${field + 1} of ${type}`;
  let where = '';
  if (type === 'RUN' && field === 0) {
    const before = bytes.toString('utf8', invalid.stringStart, invalid.at).split('\n');
    where = ` at line ${before.length}, column ${before[before.length - 1].length + 1}`;
  }
  return refused(
    'encoding',
    `${what} is not valid UTF-8${where} (an overlong form, an encoded surrogate, a truncated sequence or a code ` +
      'point above U+10FFFF). Send text as UTF-8; send binary data as a byte array parameter.'
  );
}

/** ROUTE: answered as Memgraph answers it outside a cluster (the gateway serves one instance, it does not route). */
export const routeRefusal: RequestRefusal = {
  kind: 'protocol',
  failure: routingTableUnavailable,
};
