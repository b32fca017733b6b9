// Entry point of the one-shot `secrets-init` service: every credential's files, then exit 0 (or 1 with the reason).
// It logs what it did and where to read a password, never a password.
import { formatLogLine } from '@opentruss/contract';
import { CREDENTIALS, SECRETS_ROOT } from './credentials';
import { SecretsError, ensureSecrets } from './secrets';

const root = process.env.SECRETS_ROOT?.trim() || SECRETS_ROOT;
const SAID = { generated: 'generated (first start)', kept: 'kept', 'from-environment': 'taken from the environment (.env)' };

try {
  for (const outcome of ensureSecrets(root, process.env)) {
    const credential = CREDENTIALS.find((c) => c.key === outcome.key)!;
    console.log(
      formatLogLine(
        'secrets-init',
        'info',
        `${outcome.key}: user "${outcome.user}", password ${SAID[outcome.source]}; ` +
        `read it with: docker compose exec ${credential.readers[0]} cat ${outcome.passwordFile}`
      )
    );
  }
} catch (error) {
  console.error(formatLogLine('secrets-init', 'error', error instanceof SecretsError ? error.message : String(error)));
  process.exit(1);
}
