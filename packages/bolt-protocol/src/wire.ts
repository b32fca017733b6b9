// The one byte sequence every layer needs: the preamble that opens a raw Bolt connection. It lives below all the
// layers because the channel listener sniffs it to tell raw Bolt from HTTP, while the handshake (bolt/, which
// re-exports it as part of its API) checks and sends it; the channel layer must not import the bolt layer.
export const BOLT_PREAMBLE = Buffer.from([0x60, 0x60, 0xb0, 0x17]);

/** Whether `bytes` open with the Bolt preamble (only the first four bytes are read). */
export function startsWithBoltPreamble(bytes: Buffer): boolean {
  return bytes.subarray(0, BOLT_PREAMBLE.length).equals(BOLT_PREAMBLE);
}
