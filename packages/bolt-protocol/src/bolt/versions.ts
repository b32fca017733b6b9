/** Bolt versions Memgraph speaks, newest first (Bolt 1.0 aside): `kSupportedVersions` in Memgraph's Bolt server. */
export const SUPPORTED_BOLT_VERSIONS = ['5.2', '4.4', '4.3', '4.1', '4.0'] as const;
export type BoltVersion = (typeof SUPPORTED_BOLT_VERSIONS)[number];

/** Bolt 5 carries element ids and UTC date-times; Bolt 4 does not. */
export function isBolt5(version: BoltVersion): boolean {
  return version.startsWith('5.');
}
