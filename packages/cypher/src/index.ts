export { CypherTextError, positionAt, withoutPosition, type TextPosition } from './errors';
export { tokenize, isTrivia, type Token, type TokenKind } from './lexer';
export { expandMacros, expandMacroTokens, parseIntervalMs, MACROS, type MacroInfo, type MacroExpansion } from './macros';
export {
  epochMsOf,
  timeFilterOf,
  timeGroupOf,
  TIME_PARAMETERS,
  TIME_PARAMETER_DESCRIPTIONS,
  TIME_STRING_PATTERNS,
} from './timeExpressions';
export {
  findWriteClause,
  findWriteClauseInTokens,
  assertReadOnly,
  describeRefusal,
  readOnlyRefusal,
  isReadProcedure,
  type WriteClause,
  type RefusalKind,
} from './readOnlyGuard';
export { isValidIdentifier, quoteIdentifier, identifierFromValue } from './identifiers';
export {
  findVariableReferences,
  findVariableReferencesInTokens,
  referenceOf,
  replaceVariableReferences,
  type VariableReference,
  type ReferenceSyntax,
} from './references';
export {
  bindStatement,
  bindTokens,
  statementKind,
  statementKindOf,
  missingParameterMessage,
  fieldPathMessage,
  refusedFormatMessage,
  type BindingVariables,
  type BindOptions,
  type BindProblem,
  type BindProblemKind,
  type BoundStatement,
  type StatementKind,
} from './binding';
