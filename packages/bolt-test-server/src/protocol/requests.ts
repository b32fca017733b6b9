// What the session takes out of a request (tx_timeout), and the copy of one it records with credentials hidden.
import { isInt } from 'neo4j-driver';
import type { RequestType } from '../api';

export type Metadata = Record<string, unknown>;

const MASK = '******';

export function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
