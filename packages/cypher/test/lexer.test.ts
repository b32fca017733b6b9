import { CypherTextError, tokenize } from '../src';

const kinds = (text: string) => tokenize(text).map((t) => [t.kind, t.text]);

describe('tokenize', () => {
  it('reproduces the input exactly when the token texts are joined', () => {
    const text =
      "MATCH (n:`Inspection Lot` {a: 'x\\'y'}) // c\n/* b */ WHERE n.id = $id AND n.k IN ${ks} RETURN [[v:raw]]";
    expect(
      tokenize(text)
        .map((t) => t.text)
        .join('')
    ).toBe(text);
  });

  it('keeps strings with escapes, both quote styles, as single tokens with decoded values', () => {
    const tokens = tokenize(`'it\\'s' "say \\"hi\\"" 'a\\\\' '\\u4e2d\\n'`).filter((t) => t.kind === 'string');
    expect(tokens.map((t) => t.value)).toEqual(["it's", 'say "hi"', 'a\\', '中\n']);
  });

  it('keeps comments and backticked names whole, with doubled backticks decoded', () => {
    expect(kinds('RETURN 1 // CREATE x\n')).toEqual([
      ['identifier', 'RETURN'],
      ['whitespace', ' '],
      ['number', '1'],
      ['whitespace', ' '],
      ['lineComment', '// CREATE x'],
      ['whitespace', '\n'],
    ]);
    expect(tokenize('/* DELETE */').map((t) => t.kind)).toEqual(['blockComment']);
    expect(tokenize('`a``b`')[0]).toMatchObject({ kind: 'quotedIdentifier', value: 'a`b' });
  });

  it('reads Cypher parameters and every Grafana variable syntax', () => {
    const refs = tokenize('$a $`b c` $0 ${d} ${e:raw} ${f.g} [[h]] [[i:csv]] [[1, 2]]').filter(
      (t) => t.kind === 'parameter' || t.kind === 'variable'
    );
    expect(refs.map((t) => [t.kind, t.value, t.format, t.fieldPath])).toEqual([
      ['parameter', 'a', undefined, undefined],
      ['parameter', 'b c', undefined, undefined],
      ['parameter', '0', undefined, undefined],
      ['variable', 'd', undefined, undefined],
      ['variable', 'e', 'raw', undefined],
      ['variable', 'f', undefined, 'g'],
      ['variable', 'h', undefined, undefined],
      ['variable', 'i', 'csv', undefined],
    ]);
  });

  it('reads unicode identifiers and numbers', () => {
    expect(kinds('构件 1.5e3 0x1F')).toEqual([
      ['identifier', '构件'],
      ['whitespace', ' '],
      ['number', '1.5e3'],
      ['whitespace', ' '],
      ['number', '0x1F'],
    ]);
  });

  it.each([
    ["RETURN 'abc", 'Unterminated string', 1, 8],
    ['RETURN 1\n/* open', 'Unterminated /* comment', 2, 1],
    ['RETURN `x', 'Unterminated `quoted name`', 1, 8],
    ['RETURN ${', 'Malformed variable reference', 1, 8],
    ['RETURN $ + 1', 'A $ must be followed by a parameter name', 1, 8],
  ])('rejects %j with a positioned error', (text, message, line, column) => {
    expect(() => tokenize(text)).toThrow(CypherTextError);
    expect(() => tokenize(text)).toThrow(
      expect.objectContaining({
        message: expect.stringContaining(message),
        position: expect.objectContaining({ line, column }),
      })
    );
  });
});
