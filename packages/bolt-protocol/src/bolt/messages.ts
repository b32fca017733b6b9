// Bolt message tags (https://neo4j.com/docs/bolt/current/bolt/message/).

/** Client request messages; UNKNOWN is a tag Bolt does not define. */
export type RequestType =
  | 'HELLO'
  | 'LOGON'
  | 'LOGOFF'
  | 'GOODBYE'
  | 'RESET'
  | 'RUN'
  | 'BEGIN'
  | 'COMMIT'
  | 'ROLLBACK'
  | 'DISCARD'
  | 'PULL'
  | 'TELEMETRY'
  | 'ROUTE'
  | 'UNKNOWN';

export const requestTypes: Readonly<Record<number, RequestType>> = {
  0x01: 'HELLO',
  0x02: 'GOODBYE',
  0x0f: 'RESET',
  0x10: 'RUN',
  0x11: 'BEGIN',
  0x12: 'COMMIT',
  0x13: 'ROLLBACK',
  0x2f: 'DISCARD',
  0x3f: 'PULL',
  0x54: 'TELEMETRY',
  0x66: 'ROUTE',
  0x6a: 'LOGON',
  0x6b: 'LOGOFF',
};

export const responseTags = {
  SUCCESS: 0x70,
  RECORD: 0x71,
  IGNORED: 0x7e,
  FAILURE: 0x7f,
} as const;

/** The tag of each request type (what a client writes). */
export const requestTags = Object.fromEntries(
  Object.entries(requestTypes).map(([tag, type]) => [type, Number(tag)])
) as Readonly<Record<Exclude<RequestType, 'UNKNOWN'>, number>>;
