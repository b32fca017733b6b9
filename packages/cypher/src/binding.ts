import { CypherTextError } from './errors';
import { identifierFromValue } from './identifiers';
import { isTrivia, tokenize, type Token } from './lexer';
import { expandMacroTokens, MACROS } from './macros';
import { findWriteClauseInTokens, readOnlyRefusal, type WriteClause } from './readOnlyGuard';
import { referenceOf, type VariableReference } from './references';
import { TIME_PARAMETERS } from './timeExpressions';

/** SHOW … statements run auto-commit: Memgraph refuses them inside explicit transactions. */
export type StatementKind = 'read' | 'show';

export type BindProblemKind = 'write-refused' | 'query' | 'missing-parameter';

/** Why a statement cannot be sent, where the user wrote it. */
export interface BindProblem {
  kind: BindProblemKind;
  /** As the panel shows it; problems found by the lexer, the guard or the macros end with "(line L, column C)". */
  message: string;
  /** Offsets into the text the user wrote. */
  start: number;
  end: number;
}

/** Where variable values come from. */
export interface BindingVariables {
  /** The value of the variable `name`; undefined when there is no such variable. */
  valueOf(name: string): unknown;
  /**
   * Every variable name, when the source can list them. A listed name whose value is undefined still counts as a
   * variable (an editor that knows the names but not every value); checks that need the value are skipped.
   */
  names?(): readonly string[];
}

export interface BindOptions {
  /** Turns a variable's value into the parameter sent (the datasource makes whole numbers Bolt INTEGERs). */
  toParameter?: (value: unknown) => unknown;
}

export interface BoundStatement {
  /** The text to send: macros expanded, variables only as `$name` or backticked `${x:raw}` names. */
  text: string;
  parameters: Record<string, unknown>;
  kind: StatementKind;
  /** Empty when the statement may be sent. */
  problems: BindProblem[];
}

export function missingParameterMessage(name: string): string {
  return (
    `Parameter $${name} has no value. Define a dashboard variable named "${name}", or use the datasource's ` +
    `built-in parameters $${TIME_PARAMETERS.from}, $${TIME_PARAMETERS.to} and $${TIME_PARAMETERS.intervalMs}.`
  );
}

function fieldPathMessage(reference: VariableReference): string {
  return `${reference.text}: variable fields are not supported; use $${reference.name} and pick the field in Cypher.`;
}

function refusedFormatMessage(reference: VariableReference): string {
  return (
    `${reference.text}: the format ":${reference.format}" would splice text into the query. Variables reach ` +
    `Memgraph as parameters: write $${reference.name} (a list for multi-value variables, e.g. ` +
    `n.status IN $${reference.name}); only \${${reference.name}:raw} puts a label, relationship type or property ` +
    'key into the query, backtick-quoted.'
  );
}

function statementKindOf(tokens: readonly Token[]): StatementKind {
  const first = tokens.find((token) => !isTrivia(token));
  return first?.kind === 'identifier' && first.value!.toUpperCase() === 'SHOW' ? 'show' : 'read';
}

export function statementKind(cypher: string): StatementKind {
  return statementKindOf(tokenize(cypher));
}

/**
 * The user's Cypher → the statement to send, and every reason not to send it:
 * 1. the read-only guard refuses writes (positions refer to the text the user wrote);
 * 2. macros expand into Cypher over `$__from` / `$__to` / `$__interval_ms`;
 * 3. every variable reference (`$var`, `${var}`, `[[var]]`) becomes the parameter `$var` with the value in
 *    `parameters` — the text never receives a value; `${var:raw}` becomes a validated, backticked identifier;
 *    `$name` of a built-in stays as written; `[[x]]` of no variable stays a nested list;
 * 4. a `$name` nothing binds is a missing-parameter problem, once per name;
 * 5. the guard again on the bound statement (a raw value may name a procedure after CALL).
 * Problems come in that order; text that does not lex has that one problem only.
 */
export function bindStatement(
  cypher: string,
  builtIns: Readonly<Record<string, unknown>>,
  variables: BindingVariables,
  options: BindOptions = {}
): BoundStatement {
  let tokens: Token[];
  try {
    tokens = tokenize(cypher);
  } catch (error) {
    return { text: cypher, parameters: { ...builtIns }, kind: 'read', problems: [textProblem('query', error, cypher)] };
  }
  return bindTokens(cypher, tokens, builtIns, variables, options);
}

/** bindStatement over tokens already lexed from `cypher`; the user's text is not lexed again. */
export function bindTokens(
  cypher: string,
  tokens: readonly Token[],
  builtIns: Readonly<Record<string, unknown>>,
  variables: BindingVariables,
  options: BindOptions = {}
): BoundStatement {
  const problems: BindProblem[] = [];
  const write = findWriteClauseInTokens(cypher, tokens);
  if (write) {
    problems.push(refusalProblem(cypher, write, cypher));
  }

  const consumed = new Set<Token>();
  let expandedTokens: readonly Token[] = tokens;
  let macroErrorAt: number | undefined;
  try {
    const expansion = expandMacroTokens(cypher, tokens, consumed);
    if (expansion.expanded) {
      // New text: its references and the second guard need its own tokens (the one re-lex, only with macros).
      expandedTokens = tokenize(expansion.text);
    }
  } catch (error) {
    const problem = textProblem('query', error, cypher);
    problems.push(problem);
    macroErrorAt = problem.start;
  }
  // Macro names, `$__interval` as an interval and the token a macro error points at are no variables.
  const isMacroPart = (token: Token, reference: VariableReference) =>
    consumed.has(token) ||
    (reference.syntax === 'dollar' && MACRO_NAMES.has(reference.name)) ||
    reference.start === macroErrorAt;

  const binder = new ReferenceBinder(builtIns, variables, options.toParameter ?? ((value) => value));
  const missing = new Map<string, BindProblem>();
  const report = (problem: Binding['problem'], start: number, end: number) => {
    if (problem?.kind === 'missing-parameter') {
      const name = problem.name;
      if (!missing.has(name)) {
        missing.set(name, { kind: problem.kind, message: problem.message, start, end });
      }
    } else if (problem) {
      problems.push({ kind: problem.kind, message: problem.message, start, end });
    }
  };
  const seen = new Set<string>();
  for (const token of tokens) {
    const reference = referenceOf(token);
    if (reference && !isMacroPart(token, reference)) {
      seen.add(reference.text);
      report(binder.bind(reference).problem, reference.start, reference.end);
    }
  }

  // The bound statement, token by token; a token's origin in the user's text is known when no macro expanded.
  const firstMacro = [...consumed][0];
  const bound: Token[] = [];
  const origins: Array<Token | undefined> = [];
  let offset = 0;
  for (const token of expandedTokens) {
    const reference = referenceOf(token);
    let replacement: Pick<Token, 'kind' | 'text' | 'value'> = token;
    if (reference && !isMacroPart(token, reference)) {
      const binding = binder.bind(reference);
      if (!seen.has(reference.text)) {
        // Only a macro writes references the user did not (its `$__from`, `$__to`, …): its problems are its own.
        seen.add(reference.text);
        report(binding.problem, firstMacro?.start ?? 0, firstMacro?.end ?? cypher.length);
      }
      replacement = binding.replacement ?? token;
    }
    const next: Token =
      replacement === token
        ? { ...token, start: offset, end: offset + token.text.length }
        : { kind: replacement.kind, text: replacement.text, value: replacement.value, start: offset, end: offset + replacement.text.length };
    bound.push(next);
    origins.push(expandedTokens === tokens ? token : undefined);
    offset = next.end;
  }
  const text = bound.map((token) => token.text).join('');
  problems.push(...missing.values());

  // Macros only read and raw values are quoted names, yet a raw value after CALL names a procedure: check again.
  const boundWrite = write ? undefined : findWriteClauseInTokens(text, bound);
  if (boundWrite) {
    const origin = origins[bound.findIndex((token) => token.start === boundWrite.position.offset)];
    problems.push(refusalProblem(text, boundWrite, cypher, origin));
  }
  return { text, parameters: binder.parameters, kind: statementKindOf(tokens), problems };
}

const MACRO_NAMES = new Set(MACROS.map((macro) => macro.name.slice(1)));

interface Binding {
  /** The token that replaces the reference; undefined to keep it as written. */
  replacement?: Pick<Token, 'kind' | 'text' | 'value'>;
  problem?: { kind: 'query'; message: string } | { kind: 'missing-parameter'; message: string; name: string };
}

/** Decides each reference once (by its text, which says everything about it) and collects the parameters. */
class ReferenceBinder {
  readonly parameters: Record<string, unknown>;
  private readonly decided = new Map<string, Binding>();

  constructor(
    private readonly builtIns: Readonly<Record<string, unknown>>,
    private readonly variables: BindingVariables,
    private readonly toParameter: (value: unknown) => unknown
  ) {
    this.parameters = { ...builtIns };
  }

  bind(reference: VariableReference): Binding {
    let binding = this.decided.get(reference.text);
    if (!binding) {
      binding = this.decide(reference);
      this.decided.set(reference.text, binding);
    }
    return binding;
  }

  private decide(reference: VariableReference): Binding {
    const { name } = reference;
    if (reference.syntax === 'dollar' && Object.prototype.hasOwnProperty.call(this.builtIns, name)) {
      return {};
    }
    if (reference.fieldPath !== undefined) {
      return { problem: { kind: 'query', message: fieldPathMessage(reference) } };
    }
    const value = this.variables.valueOf(name);
    const isVariable = value !== undefined || (this.variables.names?.().includes(name) ?? false);
    if (!isVariable) {
      return reference.syntax === 'brackets'
        ? {} // not a variable: a nested list such as [[x]] stays Cypher
        : { problem: { kind: 'missing-parameter', message: missingParameterMessage(name), name } };
    }
    if (reference.format === 'raw') {
      if (value === undefined) {
        return {};
      }
      try {
        const quoted = identifierFromValue(value, reference.text);
        return { replacement: { kind: 'quotedIdentifier', text: quoted, value: quoted.slice(1, -1) } };
      } catch (error) {
        return { problem: { kind: 'query', message: (error as Error).message } };
      }
    }
    if (reference.format !== undefined) {
      return { problem: { kind: 'query', message: refusedFormatMessage(reference) } };
    }
    if (value !== undefined) {
      this.parameters[name] = this.toParameter(value);
    }
    return { replacement: { kind: 'parameter', text: `$${name}`, value: name } };
  }
}

/** A CypherTextError as a problem: from its offset to the end of the word there. */
function textProblem(kind: BindProblemKind, error: unknown, text: string): BindProblem {
  if (!(error instanceof CypherTextError)) {
    throw error;
  }
  const start = error.position.offset;
  return { kind, message: error.message, start, end: wordEnd(text, start) };
}

function wordEnd(text: string, start: number): number {
  const word = /^[\w$`]+/.exec(text.slice(start))?.[0].length ?? 1;
  return start + Math.max(1, word);
}

/**
 * The refusal of a write found in `text`; its message gives the position in `text` (as the panel always has),
 * the problem's offsets the place in the user's text, or the whole text when that is not known.
 */
function refusalProblem(text: string, write: WriteClause, cypher: string, origin?: Token): BindProblem {
  const message = new CypherTextError(readOnlyRefusal(write), text, write.position.offset).message;
  if (text === cypher) {
    return { kind: 'write-refused', message, start: write.position.offset, end: wordEnd(cypher, write.position.offset) };
  }
  return origin
    ? { kind: 'write-refused', message, start: origin.start, end: wordEnd(cypher, origin.start) }
    : { kind: 'write-refused', message, start: 0, end: cypher.length };
}
