import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureSecrets, SECRETS_ROOT } from '@opentruss/secrets-init';

export interface MaterialisedSecrets {
  /** The service's environment with every path under the secrets root moved into `root`. */
  env: Record<string, string>;
  root: string;
  cleanup(): void;
}

/**
 * What a container sees at start: the files the real secrets-init writes (from `secretsEnv`, e.g. an .env's passwords),
 * in a temporary folder standing in for the mounted volumes, and the service's environment pointing there.
 */
export function materialiseSecrets(serviceEnv: Record<string, string> = {}, secretsEnv: Record<string, string> = {}): MaterialisedSecrets {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stack-secrets-'));
  for (const key of ['memgraph', 'memgraph-replica', 'gateway-viewer', 'grafana-admin']) {
    fs.mkdirSync(path.join(root, key));
  }
  ensureSecrets(root, secretsEnv);
  const env = Object.fromEntries(
    Object.entries(serviceEnv).map(([name, value]) => [name, value.startsWith(`${SECRETS_ROOT}/`) ? root + value.slice(SECRETS_ROOT.length) : value])
  );
  return { env, root, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}
