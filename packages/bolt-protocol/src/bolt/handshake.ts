// Version negotiation as Memgraph does it: four slots `[reserved, range, minor, major]`, first slot that
// covers a version the server speaks wins (the highest such version inside a range). The manifest slot
// `00 00 01 FF` of neo4j-driver 5.28+/6.x is not understood and skipped, so those drivers get 5.2.
import { BOLT_PREAMBLE, startsWithBoltPreamble } from '../wire';
import type { BoltVersion } from './versions';

export { BOLT_PREAMBLE };

export const HANDSHAKE_SIZE = 20;
export const NO_VERSION = Buffer.from([0, 0, 0, 0]);

interface ParsedVersion {
  major: number;
  minor: number;
}

function parse(version: BoltVersion): ParsedVersion {
  const [major, minor] = version.split('.').map(Number);
  return { major, minor };
}

/** `handshake` is the full 20 bytes (preamble included, checked by the caller). */
export function negotiateVersion(handshake: Buffer, offered: readonly BoltVersion[]): BoltVersion | undefined {
  const candidates = offered.map((version) => ({ version, ...parse(version) }));
  for (let slot = 4; slot < HANDSHAKE_SIZE; slot += 4) {
    const range = handshake[slot + 1];
    const minor = handshake[slot + 2];
    const major = handshake[slot + 3];
    if (major === 0 || major === 0xff) {
      continue; // empty slot, or the manifest proposal
    }
    const match = candidates
      .filter((c) => c.major === major && c.minor <= minor && c.minor >= minor - range)
      .sort((a, b) => b.minor - a.minor)[0];
    if (match) {
      return match.version;
    }
  }
  return undefined;
}

/** How a server answers a client's 20-byte handshake; each server words its own close reasons. */
export type HandshakeAnswer =
  | { outcome: 'not-bolt' }
  | { outcome: 'no-common-version' }
  | { outcome: 'agreed'; version: BoltVersion };

/** The preamble check and the version negotiation, as every server side (test server, gateway) does them. */
export function answerHandshake(handshake: Buffer, offered: readonly BoltVersion[]): HandshakeAnswer {
  if (!startsWithBoltPreamble(handshake)) {
    return { outcome: 'not-bolt' };
  }
  const version = negotiateVersion(handshake, offered);
  return version ? { outcome: 'agreed', version } : { outcome: 'no-common-version' };
}

/**
 * Collects a client's first bytes, which may arrive split or merged in any way, until the handshake is complete;
 * then hands over the handshake and whatever followed it in the same reads.
 */
export class HandshakeReader {
  private received = Buffer.alloc(0);

  push(data: Buffer): { handshake: Buffer; rest: Buffer } | undefined {
    this.received = Buffer.concat([this.received, data]);
    if (this.received.length < HANDSHAKE_SIZE) {
      return undefined;
    }
    return { handshake: this.received.subarray(0, HANDSHAKE_SIZE), rest: this.received.subarray(HANDSHAKE_SIZE) };
  }
}

/** The 4-byte reply naming the chosen version: `00 00 minor major`. */
export function versionReply(version: BoltVersion): Buffer {
  const { major, minor } = parse(version);
  return Buffer.from([0, 0, minor, major]);
}

/** A client's 20-byte handshake proposing exactly one version (a gateway talking to its upstream). */
export function proposalFor(version: BoltVersion): Buffer {
  const { major, minor } = parse(version);
  return Buffer.concat([BOLT_PREAMBLE, Buffer.from([0, 0, minor, major]), Buffer.alloc(12)]);
}
