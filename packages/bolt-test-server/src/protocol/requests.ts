// A request as the session reads it: the decoded message, and the few fields it takes out of one (metadata maps,
// tx_timeout), plus the copy it records with credentials hidden.
import { isInt } from 'neo4j-driver';
import type { RequestType } from '../api';

export interface Request {
  tag: number;
  type: RequestType;
  fields: unknown[];
}

export type Metadata = Record<string, unknown>;

const MASK = '******';

export function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The map at `index` (HELLO's extra, PULL's `{n}`, …), empty when the client sent something else. */
export function metadataField(fields: unknown[], index: number): Metadata {
  const value = fields[index];
  return isMap(value) ? value : {};
}

/** `tx_timeout` in milliseconds, when the client set one. */
export function timeoutOf(extra: Metadata): number | undefined {
  const value = extra.tx_timeout;
  return isInt(value) ? value.toNumber() : typeof value === 'number' ? value : undefined;
}

/** The fields as recorded: HELLO/LOGON credentials replaced, so no test output shows a password. */
export function maskCredentials(type: RequestType, fields: unknown[]): unknown[] {
  if ((type === 'HELLO' || type === 'LOGON') && isMap(fields[0]) && 'credentials' in fields[0]) {
    return [{ ...fields[0], credentials: MASK }, ...fields.slice(1)];
  }
  return fields;
}
