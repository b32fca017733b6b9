import { positionAt } from '../errors';
import { cypherText, renderText, type CypherText, type TextCode } from '../texts';
import type { Refusal, RefusalKind } from './types';

const ADVICE: Record<RefusalKind, TextCode> = {
  syntax: 'refusal.advice.syntax',
  encoding: 'refusal.advice.encoding',
  unsupported: 'refusal.advice.unsupported',
  procedure: 'refusal.advice.procedure',
  write: 'refusal.advice.read-only',
  admin: 'refusal.advice.read-only',
};

/** The one refusal message as a code and parameters: who refused, what, where in `text`, and what to do. */
export function refusalDiagnostic(refusal: Refusal, source: 'browser' | 'gateway', text: string): CypherText {
  const { line, column } = positionAt(text, refusal.start);
  return cypherText(source === 'browser' ? 'refusal.browser' : 'refusal.gateway', {
    reason: refusal.diagnostic,
    line,
    column,
    advice: cypherText(ADVICE[refusal.kind]),
  });
}

/** The one refusal message, in English (what the gateway sends). */
export function refusalMessage(refusal: Refusal, source: 'browser' | 'gateway', text: string): string {
  return renderText(refusalDiagnostic(refusal, source, text));
}

/** A refusal's reason, in English and as a code. */
export function refusalReason(diagnostic: CypherText): Pick<Refusal, 'reason' | 'diagnostic'> {
  return { reason: renderText(diagnostic), diagnostic };
}
