import { useEffect, useState } from 'react';

import { cypherDiagnostics } from '../cypher/cypherDiagnostics';
import type { CypherDiagnostic } from '../cypher/diagnostic';
import { loadLanguageLibrary } from '../cypher/languageLibrary';
import type { QueryContext } from '../cypher/queryContext';

/** Waits this long after the last keystroke before analysing (Neo4j's analysis runs on the main thread). */
const DIAGNOSTICS_DELAY_MS = 300;

/**
 * The query's problems, recomputed shortly after it changes: the datasource's own checks at once (they are
 * cheap), the language library's once it has loaded.
 */
export function useDiagnostics(text: string, context: QueryContext): CypherDiagnostic[] {
  const [diagnostics, setDiagnostics] = useState<CypherDiagnostic[]>(() => cypherDiagnostics(text, context));
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      setDiagnostics(cypherDiagnostics(text, context));
      loadLanguageLibrary().then(
        (library) => current && setDiagnostics(cypherDiagnostics(text, context, library)),
        () => undefined // without the library the datasource's own checks stand
      );
    }, DIAGNOSTICS_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, context]);
  return diagnostics;
}
