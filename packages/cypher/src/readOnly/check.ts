import { lex, LexError } from './lexer';
import { Parser, Refused, type Parsed } from './parser';
import { mapOffset, print } from './tree';
import { cypherText } from '../texts';
import { refusalReason } from './messages';
import type { CheckOptions, ReadCheck } from './types';

/** The parse tree of `text` (throws the refusal as `Refused` or `LexError`): for tests that look inside. */
export function parseTree(text: string, options: CheckOptions = {}): Parsed {
  return new Parser(text, lex(text), options).parse();
}

/** Lexes, parses (refusing what is not an allowlisted read) and prints the canonical text from the tree. */
export function checkReadQuery(text: string, options: CheckOptions = {}): ReadCheck {
  const limit = options.queryMemoryLimitMb;
  if (limit !== undefined && (!Number.isSafeInteger(limit) || limit <= 0)) {
    throw new RangeError(`queryMemoryLimitMb must be a positive whole number of megabytes, got ${limit}`);
  }
  try {
    const parsed = parseTree(text, options);
    const printed = print(parsed.tree);
    return {
      ok: true,
      canonical: printed.text,
      kind: parsed.kind,
      sourceOffset: (canonicalOffset: number) => mapOffset(printed, canonicalOffset, text.length),
    };
  } catch (error) {
    if (error instanceof Refused) {
      return { ok: false, refusal: error.refusal };
    }
    if (error instanceof LexError) {
      return {
        ok: false,
        refusal: {
          kind: error.encoding ? 'encoding' : 'syntax',
          clause: lexClause(text, error),
          ...refusalReason(
            error.encoding ? error.reason : cypherText('refusal.not-a-read-query', { what: error.reason })
          ),
          start: error.start,
          end: error.end,
        },
      };
    }
    if (error instanceof RangeError) {
      // The JavaScript stack ran out before MAX_NESTING did (a smaller stack): still a refusal, never a crash.
      return {
        ok: false,
        refusal: {
          kind: 'unsupported',
          clause: 'NESTING',
          ...refusalReason(cypherText('refusal.nests-too-deeply')),
          start: 0,
          end: text.length,
        },
      };
    }
    throw error;
  }
}

/** What a lexer refusal names: the escape as written, or the character's code point, or the start of the token. */
function lexClause(text: string, error: LexError): string {
  if (!error.encoding) {
    return text.slice(error.start, Math.min(error.end, error.start + 20)).toUpperCase();
  }
  if (text[error.start] === '\\') {
    return text.slice(error.start, error.end).toUpperCase();
  }
  return `U+${text.codePointAt(error.start)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
