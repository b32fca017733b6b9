// Viewer credentials: what clients log in to the gateway with. They grant reads only, so they may live where
// viewers can read them (a Grafana datasource's settings); they are still compared in constant time and never logged.
import { createHash, timingSafeEqual } from 'node:crypto';

export interface ViewerCredentials {
  /** user → SHA-256 of the password (hashes, so comparisons take the same time whatever the length). */
  users: Map<string, Buffer>;
  /**
   * SHA-256 (hex) of each bearer token → the name it goes by in limits and metrics: `token:1`, … in listed order
   * (a user name never holds a colon).
   */
  tokens: Map<string, string>;
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** `user:password` entries, one per line or comma-separated (`#` starts a comment line); tokens likewise. */
export function parseViewers(usersText: string, tokensText: string): ViewerCredentials {
  const users = new Map<string, Buffer>();
  for (const entry of entries(usersText)) {
    const colon = entry.indexOf(':');
    if (colon <= 0 || colon === entry.length - 1) {
      throw new Error('a viewer entry must be user:password (neither part empty)');
    }
    users.set(entry.slice(0, colon), digest(entry.slice(colon + 1)));
  }
  const tokens = new Map<string, string>();
  for (const token of entries(tokensText)) {
    const hash = digest(token).toString('hex');
    if (!tokens.has(hash)) {
      tokens.set(hash, `token:${tokens.size + 1}`);
    }
  }
  return { users, tokens };
}

function entries(text: string): string[] {
  return text
    .split(/\r?\n|,/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/**
 * Checks a HELLO/LOGON auth map: the viewer it proves (the user name, or the token's `token:N` name), undefined
 * otherwise. Per-viewer limits count by this name.
 */
export function authenticateViewer(viewers: ViewerCredentials, auth: Record<string, unknown>): string | undefined {
  const { scheme, principal, credentials } = auth;
  if (scheme === 'basic' && typeof principal === 'string' && typeof credentials === 'string') {
    const expected = viewers.users.get(principal);
    return expected && timingSafeEqual(expected, digest(credentials)) ? principal : undefined;
  }
  if (scheme === 'bearer' && typeof credentials === 'string') {
    return viewers.tokens.get(digest(credentials).toString('hex'));
  }
  return undefined;
}
