// The binding engine: a panel's or editor's text with macros expanded and dashboard variables bound as parameters
// (never as text), checked by the read-only checker with every problem located in the text the user wrote.
// A little over 300 lines on purpose: binding, the origin map back to the user's text and the check are one pass
// over the tokens; macros, identifiers, references and the checker are their own modules.
import { CypherTextError, CypherValueError } from './errors';
import { identifierFromValue, quoteIdentifier } from './identifiers';
import { tokenize, type Token } from './lexer';
import { expandMacroTokens, MACROS, type ExpansionSegment } from './macros';
import { checkReadQuery, refusalDiagnostic, type Refusal } from './readOnly';
import { referenceOf, type VariableReference } from './references';
import { cypherText, renderText, type CypherText } from './texts';
import { TIME_PARAMETERS } from './timeExpressions';

/** SHOW … statements run auto-commit: Memgraph refuses them inside explicit transactions. */
export type StatementKind = 'read' | 'show';

export type BindProblemKind = 'write-refused' | 'query' | 'missing-parameter';

/** Why a statement cannot be sent, where the user wrote it. */
export interface BindProblem {
  kind: BindProblemKind;
  /**
   * As the panel shows it; problems found by the lexer or the macros end with "(line L, column C)", a refusal of the
   * read-only checker is its `refusalMessage` (positions in the user's text).
   */
  message: string;
  /** The message as a code and parameters, for a translation (the position as in `message`). */
  diagnostic: CypherText;
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
  /** From the read-only checker (`read` when the text could not be checked). */
  kind: StatementKind;
  /** Empty when the statement may be sent. */
  problems: BindProblem[];
}

export function missingParameterDiagnostic(name: string): CypherText {
  const { from, to, intervalMs } = TIME_PARAMETERS;
  return cypherText('binding.missing-parameter', { name, from, to, intervalMs });
}

function fieldPathDiagnostic(reference: VariableReference): CypherText {
  return cypherText('binding.field-path', { reference: reference.text, name: reference.name });
}

function refusedFormatDiagnostic(reference: VariableReference): CypherText {
  const { text, name, format = '' } = reference;
  return cypherText('binding.refused-format', { reference: text, name, format, raw: `\${${name}:raw}` });
}

/** The kind the read-only checker gives a statement (`read` for one it refuses: that is never sent). */
export function statementKind(cypher: string): StatementKind {
  const checked = checkReadQuery(cypher);
  return checked.ok ? checked.kind : 'read';
}

/**
 * The user's Cypher → the statement to send, and every reason not to send it:
 * 1. macros expand into Cypher over `$__from` / `$__to` / `$__interval_ms`;
 * 2. every variable reference (`$var`, `${var}`, `[[var]]`) becomes the parameter `$var` with the value in
 *    `parameters` — the text never receives a value; `${var:raw}` becomes a validated, backticked identifier;
 *    `$name` of a built-in stays as written; `[[x]]` of no variable stays a nested list;
 * 3. a `$name` nothing binds is a missing-parameter problem, once per name;
 * 4. the read-only checker (@opentruss/cypher's allowlist, the gateway's too) on the BOUND statement — what is
 *    sent, so a raw value naming a procedure after CALL is judged too; its refusal comes first, its positions
 *    mapped back to the text the user wrote (into a macro call: the whole call). It is skipped while a macro or a
 *    reference is malformed: that text is not the query the user means, and its own problem says why.
 * Text that does not lex has that one problem only.
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
  const consumed = new Set<Token>();
  let expandedTokens: readonly Token[] = tokens;
  let segments: ExpansionSegment[] | undefined;
  let macroErrorAt: number | undefined;
  try {
    const expansion = expandMacroTokens(cypher, tokens, consumed);
    if (expansion.expanded) {
      // New text: its references need its own tokens (the one re-lex, only with macros).
      expandedTokens = tokenize(expansion.text);
      segments = expansion.segments;
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
        missing.set(name, located(problem, start, end));
      }
    } else if (problem) {
      problems.push(located(problem, start, end));
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

  // The bound statement, token by token; and the statement the checker reads, where a reference still unbound
  // (no value yet) stands as what its value will be: a `$name` parameter, or a backticked name for `:raw`.
  const firstMacro = [...consumed][0];
  const bound: string[] = [];
  const checkedTokens: Token[] = [];
  const replaced: boolean[] = [];
  let offset = 0;
  for (const token of expandedTokens) {
    const reference = referenceOf(token);
    let replacement: Pick<Token, 'kind' | 'text' | 'value'> = token;
    let forCheck: Pick<Token, 'kind' | 'text' | 'value'> = token;
    if (reference && !isMacroPart(token, reference)) {
      const binding = binder.bind(reference);
      if (!seen.has(reference.text)) {
        // Only a macro writes references the user did not (its `$__from`, `$__to`, …): its problems are its own.
        seen.add(reference.text);
        report(binding.problem, firstMacro?.start ?? 0, firstMacro?.end ?? cypher.length);
      }
      replacement = binding.replacement ?? token;
      forCheck = binding.replacement ?? binding.checkAs ?? token;
    }
    bound.push(replacement.text);
    checkedTokens.push({ kind: forCheck.kind, text: forCheck.text, value: forCheck.value, start: offset, end: offset + forCheck.text.length });
    replaced.push(forCheck !== token);
    offset += forCheck.text.length;
  }
  const text = bound.join('');
  problems.push(...missing.values());

  if (problems.some((problem) => problem.kind === 'query')) {
    return { text, parameters: binder.parameters, kind: 'read', problems };
  }
  const checked = checkReadQuery(checkedTokens.map((token) => token.text).join(''));
  if (!checked.ok) {
    const origin = new OriginMap(checkedTokens, expandedTokens, replaced, segments);
    problems.unshift(refusalProblem(checked.refusal, origin, cypher));
  }
  return { text, parameters: binder.parameters, kind: checked.ok ? checked.kind : 'read', problems };
}

/** Offsets in the bound text → the span of the user's text they come from. */
class OriginMap {
  constructor(
    private readonly bound: readonly Token[],
    /** The tokens of the expanded text (the user's own when no macro expanded), one per bound token. */
    private readonly expanded: readonly Token[],
    private readonly replaced: readonly boolean[],
    private readonly segments: readonly ExpansionSegment[] | undefined
  ) {}

  /** The user's span for bound [start, end): from the origin of its first character to that of its last. */
  span(start: number, end: number): { start: number; end: number } {
    const first = this.of(start);
    const last = end > start ? this.of(end - 1) : first;
    return { start: first.start, end: Math.max(first.end, last.end) };
  }

  private of(boundOffset: number): { start: number; end: number } {
    const i = this.bound.findIndex((token) => boundOffset < token.end);
    if (i < 0) {
      const last = this.expandedToUser(this.expanded.at(-1)?.end ?? 0);
      return { start: last.start, end: last.start }; // past the end (a refusal at the end of the text)
    }
    const token = this.expanded[i];
    if (this.replaced[i]) {
      // A variable's value: the reference the user wrote (inside a macro call, that call).
      const from = this.expandedToUser(token.start);
      const to = this.expandedToUser(token.end - 1);
      return { start: from.start, end: to.end };
    }
    return this.expandedToUser(token.start + (boundOffset - this.bound[i].start));
  }

  private expandedToUser(offset: number): { start: number; end: number } {
    if (!this.segments) {
      return { start: offset, end: offset + 1 };
    }
    const segment = this.segments.find((s) => offset < s.to) ?? this.segments.at(-1);
    if (!segment) {
      return { start: 0, end: 0 };
    }
    return segment.verbatim
      ? { start: segment.sourceStart + (offset - segment.from), end: segment.sourceStart + (offset - segment.from) + 1 }
      : { start: segment.sourceStart, end: segment.sourceEnd };
  }
}

const MACRO_NAMES = new Set(MACROS.map((macro) => macro.name.slice(1)));

interface Binding {
  /** The token that replaces the reference; undefined to keep it as written. */
  replacement?: Pick<Token, 'kind' | 'text' | 'value'>;
  /** Without a replacement (no value yet): what the read-only checker reads in its place. */
  checkAs?: Pick<Token, 'kind' | 'text' | 'value'>;
  problem?: { kind: 'query'; diagnostic: CypherText } | { kind: 'missing-parameter'; diagnostic: CypherText; name: string };
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
      return { problem: { kind: 'query', diagnostic: fieldPathDiagnostic(reference) } };
    }
    const value = this.variables.valueOf(name);
    const isVariable = value !== undefined || (this.variables.names?.().includes(name) ?? false);
    const placeholder =
      reference.format === 'raw'
        ? { kind: 'quotedIdentifier' as const, text: quoteIdentifier(name), value: name }
        : { kind: 'parameter' as const, text: `$${name}`, value: name };
    if (!isVariable) {
      return reference.syntax === 'brackets'
        ? {} // not a variable: a nested list such as [[x]] stays Cypher
        : { problem: { kind: 'missing-parameter', diagnostic: missingParameterDiagnostic(name), name }, checkAs: placeholder };
    }
    if (reference.format === 'raw') {
      if (value === undefined) {
        return { checkAs: placeholder };
      }
      try {
        const quoted = identifierFromValue(value, reference.text);
        return { replacement: { kind: 'quotedIdentifier', text: quoted, value: quoted.slice(1, -1) } };
      } catch (error) {
        if (!(error instanceof CypherValueError)) {
          throw error;
        }
        return { problem: { kind: 'query', diagnostic: error.diagnostic } };
      }
    }
    if (reference.format !== undefined) {
      return { problem: { kind: 'query', diagnostic: refusedFormatDiagnostic(reference) } };
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
  return located({ kind, diagnostic: error.diagnostic }, start, wordEnd(text, start));
}

/** A problem with its span and its English message. */
function located(problem: Pick<BindProblem, 'kind' | 'diagnostic'>, start: number, end: number): BindProblem {
  return { kind: problem.kind, message: renderText(problem.diagnostic), diagnostic: problem.diagnostic, start, end };
}

function wordEnd(text: string, start: number): number {
  const word = /^[\w$`]+/.exec(text.slice(start))?.[0].length ?? 1;
  return start + Math.max(1, word);
}

/** The checker's refusal of the bound text, placed and worded in the text the user wrote. */
function refusalProblem(refusal: Refusal, origin: OriginMap, cypher: string): BindProblem {
  const { start, end } = origin.span(refusal.start, refusal.end);
  const placed: Refusal = { ...refusal, start, end: Math.max(end, start + 1) };
  const kind = refusal.kind === 'syntax' || refusal.kind === 'encoding' ? 'query' : 'write-refused';
  return located({ kind, diagnostic: refusalDiagnostic(placed, 'browser', cypher) }, placed.start, placed.end);
}
