export { CypherTextError, CypherValueError, positionAt, withoutPosition, type TextPosition } from './errors';
export {
  CYPHER_TEXTS,
  renderText,
  inEnglish,
  withoutPositionText,
  type CypherText,
  type TextCode,
  type TextParameter,
  type Translate,
} from './texts';
export { tokenize, isTrivia, type Token, type TokenKind } from './lexer';
export { expandMacros, parseIntervalMs, MACROS, type MacroInfo } from './macros';
export {
  epochMsOf,
  timeFilterOf,
  timeGroupOf,
  TIME_PARAMETERS,
  TIME_PARAMETER_DESCRIPTIONS,
  TIME_STRING_PATTERNS,
} from './timeExpressions';
export {
  checkReadQuery,
  refusalMessage,
  refusalDiagnostic,
  isReadProcedure,
  type CheckOptions,
  type CheckedStatement,
  type ReadCheck,
  type Refusal,
  type RefusalKind,
} from './readOnly';
// Not through readOnly/index.ts: that index is in the checker's type cycle, names.ts need not be.
export { readQueryNames, type NameUse, type ReadQueryNames } from './readOnly';
export { isValidIdentifier, quoteIdentifier, identifierFromValue } from './identifiers';
export {
  findVariableReferences,
  type VariableReference,
  type ReferenceSyntax,
} from './references';
export {
  bindStatement,
  bindTokens,
  statementKind,
  missingParameterDiagnostic,
  type BindingVariables,
  type BindOptions,
  type BindProblem,
  type BindProblemKind,
  type BoundStatement,
  type StatementKind,
} from './binding';
