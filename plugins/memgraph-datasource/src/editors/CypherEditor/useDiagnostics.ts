import { useEffect, useState } from 'react';

import { cypherDiagnostics } from '../cypher/cypherDiagnostics';
import type { CypherDiagnostic } from '../cypher/diagnostic';
import type { QueryContext } from '../cypher/queryContext';

/** Waits this long after the last keystroke before analysing (on the main thread). */
const DIAGNOSTICS_DELAY_MS = 300;

/** The query's problems, recomputed shortly after it changes. */
export function useDiagnostics(text: string, context: QueryContext): CypherDiagnostic[] {
  const [diagnostics, setDiagnostics] = useState<CypherDiagnostic[]>(() => cypherDiagnostics(text, context));
  useEffect(() => {
    const timer = setTimeout(() => setDiagnostics(cypherDiagnostics(text, context)), DIAGNOSTICS_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, context]);
  return diagnostics;
}
