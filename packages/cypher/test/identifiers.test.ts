import { identifierFromValue, isValidIdentifier, quoteIdentifier } from '../src';

describe('identifiers for ${var:raw}', () => {
  it.each(['Element', 'InspectionLot', 'level_id', '_x', '构件', 'a1'])('%s is a valid identifier', (name) => {
    expect(isValidIdentifier(name)).toBe(true);
  });

  it.each(['', '1abc', 'a b', 'a`b', 'n) DETACH DELETE n //', "x'", 'a.b', 'a-b', 'x'.repeat(129)])(
    '%j is refused',
    (name) => {
      expect(isValidIdentifier(name)).toBe(false);
    }
  );

  it('quotes with backticks, doubling any backtick inside', () => {
    expect(quoteIdentifier('Element')).toBe('`Element`');
    expect(quoteIdentifier('a`b')).toBe('`a``b`');
  });

  it('turns a single value (or a one-element list) into a quoted identifier', () => {
    expect(identifierFromValue('InspectionLot', '${label:raw}')).toBe('`InspectionLot`');
    expect(identifierFromValue(['Element'], '${label:raw}')).toBe('`Element`');
  });

  it('explains why injection attempts and lists are refused', () => {
    expect(() => identifierFromValue('Element) DETACH DELETE n //', '${label:raw}')).toThrow(
      /^\$\{label:raw\} is "Element\) DETACH DELETE n \/\/", which is not an identifier\. Raw values may only name/
    );
    expect(() => identifierFromValue(['A', 'B'], '${label:raw}')).toThrow(
      '${label:raw} has 2 values, but a raw value names one label, relationship type or property key'
    );
  });
});
