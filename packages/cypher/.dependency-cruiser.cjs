// cypher's layers, bottom first: the foundation (errors.ts, lexer.ts, unicode.ts), readOnly/ (the read-only checker), the binding
// layer (binding.ts with macros, references, time expressions and identifiers), then the entry index.ts. Arrows point
// only down, and the rest of the package reaches readOnly/ through its index only.
// src/layers.test.ts cruises src/ with these rules and plants one violation of each.
const { forbid, layersPointDown, noCycles, options } = require('@opentruss/tooling/layers/rules');

module.exports = {
  forbidden: [
    ...layersPointDown(
      [
        ['foundation', '^src/(errors|lexer|unicode)\\.ts$'],
        ['readOnly', '^src/readOnly/'],
        ['binding', '^src/(binding|macros|references|timeExpressions|identifiers)\\.ts$'],
        ['entry', '^src/index\\.ts$'],
      ],
      (layer, above) => `${layer} sits below ${above.join(', ')}: it never imports them.`
    ),
    forbid(
      'readOnly-entered-by-its-index',
      'readOnly/index.ts is the checker API; its modules are its own business.',
      '^src/(?!readOnly/)',
      '^src/readOnly/(?!index\\.ts$)'
    ),
    noCycles(),
  ],
  options,
};
