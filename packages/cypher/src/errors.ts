import { cypherText, renderText, type CypherText } from './texts';

/** A 1-based line and column in the query text, for messages people can act on. */
export interface TextPosition {
  offset: number;
  line: number;
  column: number;
}

export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}

/** An error about the query text itself (malformed macro, unterminated string, write clause…), with its position. */
export class CypherTextError extends Error {
  readonly position: TextPosition;
  /** The message as a code and parameters (`at-position`), for a translation. */
  readonly diagnostic: CypherText;

  constructor(problem: CypherText, text: string, offset: number) {
    const position = positionAt(text, offset);
    const diagnostic = cypherText('at-position', { message: problem, line: position.line, column: position.column });
    super(renderText(diagnostic));
    this.name = 'CypherTextError';
    this.position = position;
    this.diagnostic = diagnostic;
  }
}

/** A CypherTextError's message without the "(line L, column C)" it ends with, for a marker that sits there already. */
export function withoutPosition(message: string): string {
  return message.replace(/ \(line \d+, column \d+\)$/, '');
}

/** A variable value that cannot be used as written (a raw value that is no identifier), in English and as a code. */
export class CypherValueError extends Error {
  constructor(readonly diagnostic: CypherText) {
    super(renderText(diagnostic));
    this.name = 'CypherValueError';
  }
}
