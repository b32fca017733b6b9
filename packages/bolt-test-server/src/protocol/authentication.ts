// Memgraph's authentication rules: no scheme or an unknown one closes; wrong credentials answer FAILURE, then close.
import { authenticationFailure } from '@opentruss/bolt-protocol';
import { closeWith, type Refusal } from './refusals';
import type { Metadata } from './requests';

/** The principal HELLO/LOGON `auth` logs in as ('' for scheme none), or why it may not. */
export function authenticate(
  auth: Metadata,
  users: Readonly<Record<string, string>> | undefined
): { principal: string } | Refusal {
  const { scheme, principal, credentials } = auth;
  if (scheme !== 'basic' && scheme !== 'none') {
    return closeWith(scheme === undefined ? 'no authentication scheme' : `unsupported authentication scheme ${scheme}`);
  }
  if (scheme === 'basic' && (typeof principal !== 'string' || typeof credentials !== 'string')) {
    return closeWith('basic authentication without principal or credentials');
  }
  const accepted =
    users === undefined ||
    (scheme === 'basic' &&
      Object.prototype.hasOwnProperty.call(users, principal as string) &&
      users[principal as string] === credentials);
  if (!accepted) {
    return { kind: 'close', reason: 'authentication failure', failureFirst: authenticationFailure };
  }
  return { principal: scheme === 'basic' ? (principal as string) : '' };
}
