import { CypherValueError } from './errors';
import { cypherText } from './texts';
import { unicodeRegExp } from './unicode';

/**
 * Names that may be put into query text through `${var:raw}`: labels, relationship types and property keys.
 * Deliberately narrower than what backticks could carry, so a raw value can only ever name something.
 */
const SAFE_IDENTIFIER = unicodeRegExp('^[\\p{L}_][\\p{L}\\p{N}_]{0,127}$');

export function isValidIdentifier(name: string): boolean {
  return SAFE_IDENTIFIER.test(name);
}

/** Backtick-quotes a name for Cypher (a backtick inside is doubled), e.g. `Inspection Lot` → `` `Inspection Lot` ``. */
export function quoteIdentifier(name: string): string {
  return '`' + name.replace(/`/g, '``') + '`';
}

/**
 * Validates `name` as an identifier and returns it backtick-quoted; throws an explanation otherwise.
 * `what` names the source in the message, e.g. `${label:raw}`.
 */
export function identifierFromValue(value: unknown, what: string): string {
  if (Array.isArray(value)) {
    if (value.length !== 1) {
      throw new CypherValueError(cypherText('binding.raw-several-values', { reference: what, count: value.length }));
    }
    value = value[0];
  }
  const name = String(value ?? '');
  if (!isValidIdentifier(name)) {
    throw new CypherValueError(
      cypherText('binding.raw-not-identifier', { reference: what, value: JSON.stringify(name) })
    );
  }
  return quoteIdentifier(name);
}
