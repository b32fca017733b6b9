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
      throw new Error(
        `${what} has ${value.length} values, but a raw value names one label, relationship type or property key: ` +
          'select a single value, or use $name to receive the values as a list parameter.'
      );
    }
    value = value[0];
  }
  const name = String(value ?? '');
  if (!isValidIdentifier(name)) {
    throw new Error(
      `${what} is ${JSON.stringify(name)}, which is not an identifier. Raw values may only name a label, ` +
        'relationship type or property key (letters, digits and _, not starting with a digit, at most 128 characters); ' +
        'for any other value use $name, which reaches Memgraph as a parameter.'
    );
  }
  return quoteIdentifier(name);
}
