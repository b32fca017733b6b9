import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTool } from '@opentruss/tooling/testing';

/**
 * A throwaway self-signed `tls.crt` / `tls.key` pair (the names the stack's TLS_CERT_DIR holds) made by the real
 * openssl in a fresh temp dir, never committed. The caller removes `dir`.
 */
export function throwawayCertificates(): { dir: string; cert: string; key: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opentruss-certs-'));
  const cert = path.join(dir, 'tls.crt');
  const key = path.join(dir, 'tls.key');
  const openssl = runTool('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-keyout', key, '-out', cert,
  ]);
  if (openssl.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`openssl could not make a test certificate:\n${openssl.stderr}`);
  }
  return { dir, cert, key };
}
