// Makes sure every credential has its files: a password given in the environment (.env) is written as given; an
// existing password is kept; only a missing one is generated. Derived files (Memgraph's passfile, the gateway's
// viewers file, the user name) are rewritten from user + password at every run. Nothing secret is logged.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CREDENTIALS, SECRET_FILES, type Credential } from './credentials';

type Env = Record<string, string | undefined>;

export type PasswordSource = 'generated' | 'kept' | 'from-environment';

export interface CredentialOutcome {
  key: Credential['key'];
  user: string;
  source: PasswordSource;
  /** The file holding the password (never its content). */
  passwordFile: string;
}

export class SecretsError extends Error {}

/** 24 random bytes as base64url: 32 characters from [A-Za-z0-9_-], safe in every file format below. */
export function generatePassword(): string {
  return randomBytes(24).toString('base64url');
}

const CONTROL = /[\u0000-\u001f\u007f]/;

/** Refuses a user or password that a reader would read differently from what was written. */
export function checkValue(credential: Credential, what: 'user' | 'password', value: string): void {
  const variable = what === 'user' ? credential.userVariable : credential.passwordVariable;
  const problem =
    value === ''
      ? 'is empty'
      : CONTROL.test(value)
        ? 'contains a control character (a line break?)'
        : value !== value.trim()
          ? 'starts or ends with white space (Grafana and the readers trim it)'
          : credential.derived === 'gatewayViewers' && value.includes(',')
            ? 'contains "," (the gateway reads "," as the end of a viewer entry)'
            : credential.derived === 'gatewayViewers' && what === 'user' && value.includes(':')
              ? 'contains ":" (the gateway reads user:password)'
              : credential.derived === 'memgraphPassfile' && value.includes('\\')
                ? 'contains "\\" (Memgraph\'s passfile reads "\\:" as an escaped colon)'
                : undefined;
  if (problem) {
    throw new SecretsError(`${variable} ${problem}: choose another value in .env`);
  }
}

function derivedContent(credential: Credential, user: string, password: string): string | undefined {
  switch (credential.derived) {
    case 'memgraphPassfile':
      // Memgraph reads one line and splits at every ':' not preceded by '\' (LoadUsernameAndPassword, src/helpers.hpp).
      return `${user.replace(/:/g, '\\:')}:${password.replace(/:/g, '\\:')}\n`;
    case 'gatewayViewers':
      return `${user}:${password}\n`;
    default:
      return undefined;
  }
}

/** Written beside the target then renamed over it, so a reader never sees half a file. World-readable, read-only:
 * the readers run as other users (Grafana 472, Memgraph, node 1000), and only they mount the volume. */
function writeAtomically(file: string, content: string): void {
  const temporary = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(temporary, content, { mode: 0o444 });
  fs.renameSync(temporary, file);
}

function readIfPresent(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw new SecretsError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

/** Ensures one credential's files in `dir`. */
export function ensureCredential(credential: Credential, dir: string, env: Env): CredentialOutcome {
  if (!fs.existsSync(dir)) {
    throw new SecretsError(`${dir} does not exist: mount the volume ${credential.volume} there`);
  }
  const user = env[credential.userVariable]?.trim() || credential.defaultUser;
  checkValue(credential, 'user', user);
  const passwordFile = path.join(dir, SECRET_FILES.password);
  const fromEnvironment = env[credential.passwordVariable];
  const existing = readIfPresent(passwordFile);
  let password: string;
  let source: PasswordSource;
  if (fromEnvironment) {
    checkValue(credential, 'password', fromEnvironment);
    password = fromEnvironment;
    source = 'from-environment';
    if (existing !== password) {
      writeAtomically(passwordFile, password);
    }
  } else if (existing !== undefined && existing !== '') {
    password = existing;
    source = 'kept';
  } else {
    password = generatePassword();
    source = 'generated';
    writeAtomically(passwordFile, password);
  }
  writeAtomically(path.join(dir, SECRET_FILES.user), user);
  const derived = derivedContent(credential, user, password);
  if (derived !== undefined && credential.derived) {
    writeAtomically(path.join(dir, SECRET_FILES[credential.derived]), derived);
  }
  return { key: credential.key, user, source, passwordFile };
}

/** Ensures every credential under `root` (`${root}/${key}`). Every value from the environment is checked before
 * anything is written, so a bad one changes nothing. */
export function ensureSecrets(root: string, env: Env, credentials: readonly Credential[] = CREDENTIALS): CredentialOutcome[] {
  for (const credential of credentials) {
    checkValue(credential, 'user', env[credential.userVariable]?.trim() || credential.defaultUser);
    const password = env[credential.passwordVariable];
    if (password) {
      checkValue(credential, 'password', password);
    }
  }
  return credentials.map((credential) => ensureCredential(credential, path.join(root, credential.key), env));
}
