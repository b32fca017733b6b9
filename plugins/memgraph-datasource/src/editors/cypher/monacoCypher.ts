import type { Monaco, monacoTypes } from '@grafana/ui';

import { type CompletionKind, cypherCompletions } from './completion';
import type { CypherDiagnostic } from './diagnostic';
import { loadLanguageLibrary } from './languageLibrary';
import { CYPHER_LANGUAGE_CONFIGURATION, CYPHER_MONARCH } from './monarch';
import type { QueryContext } from './queryContext';

/**
 * The Monaco language id. Not plain `cypher`: Monaco's registry is global to the Grafana page, and another
 * plugin registering `cypher` with its own tokens and providers would collide with ours.
 */
export const CYPHER_LANGUAGE_ID = 'opentruss-cypher';
export const MARKER_OWNER = 'opentruss-memgraph';

/** Where the completion provider finds each editor's context: by Monaco model URI (one model per editor). */
const contexts = new Map<string, () => QueryContext>();
const registered = new WeakSet<object>();

/** Registers the language, its tokens and its completion provider once per Monaco instance. */
export function registerCypherLanguage(monaco: Monaco): void {
  if (registered.has(monaco.languages)) {
    return;
  }
  registered.add(monaco.languages);
  monaco.languages.register({ id: CYPHER_LANGUAGE_ID, aliases: ['Cypher (Memgraph)'] });
  monaco.languages.setMonarchTokensProvider(CYPHER_LANGUAGE_ID, CYPHER_MONARCH);
  monaco.languages.setLanguageConfiguration(CYPHER_LANGUAGE_ID, CYPHER_LANGUAGE_CONFIGURATION);
  monaco.languages.registerCompletionItemProvider(CYPHER_LANGUAGE_ID, cypherCompletionProvider(monaco));
}

/** Lets the completion provider see this model's context; returns the function that detaches it. */
export function attachQueryContext(model: monacoTypes.editor.ITextModel, context: () => QueryContext): () => void {
  const key = model.uri.toString();
  contexts.set(key, context);
  return () => {
    if (contexts.get(key) === context) {
      contexts.delete(key);
    }
  };
}

function completionKind(monaco: Monaco, kind: CompletionKind): monacoTypes.languages.CompletionItemKind {
  const kinds = monaco.languages.CompletionItemKind;
  const map: Record<CompletionKind, monacoTypes.languages.CompletionItemKind> = {
    keyword: kinds.Keyword,
    function: kinds.Function,
    macro: kinds.Snippet,
    parameter: kinds.Variable,
    variable: kinds.Variable,
    label: kinds.Class,
    relationshipType: kinds.Interface,
    propertyKey: kinds.Property,
  };
  return map[kind];
}

export function cypherCompletionProvider(monaco: Monaco): monacoTypes.languages.CompletionItemProvider {
  return {
    triggerCharacters: [':', '.', '$'],
    async provideCompletionItems(model, position) {
      const context = contexts.get(model.uri.toString());
      if (!context) {
        return { suggestions: [] };
      }
      const library = await loadLanguageLibrary().catch(() => undefined);
      const items = cypherCompletions(model.getValue(), model.getOffsetAt(position), context(), library);
      const word = model.getWordUntilPosition(position);
      const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
      const dollarBefore =
        word.startColumn > 1 &&
        model.getValueInRange(new monaco.Range(position.lineNumber, word.startColumn - 1, position.lineNumber, word.startColumn)) === '$';
      return {
        suggestions: items.map((item) => ({
          label: item.label,
          kind: completionKind(monaco, item.kind),
          insertText: item.insertText,
          insertTextRules: item.snippet ? monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet : undefined,
          detail: item.detail,
          documentation: item.documentation,
          // `$` typed on its own is no word: replace it too, so `$__from` does not become `$$__from`.
          range:
            dollarBefore && item.label.startsWith('$') ? range.setStartPosition(position.lineNumber, word.startColumn - 1) : range,
        })),
      };
    },
  };
}

/** Diagnostics → Monaco markers (offsets become line / column in the model). */
export function toMarkers(
  monaco: Monaco,
  model: monacoTypes.editor.ITextModel,
  diagnostics: CypherDiagnostic[]
): monacoTypes.editor.IMarkerData[] {
  return diagnostics.map((d) => {
    const start = model.getPositionAt(d.start);
    const end = model.getPositionAt(Math.max(d.end, d.start + 1));
    return {
      severity: d.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
      message: d.message,
      source: d.source === 'datasource' ? 'Memgraph datasource' : 'Cypher',
      startLineNumber: start.lineNumber,
      startColumn: start.column,
      endLineNumber: end.lineNumber,
      endColumn: end.column,
    };
  });
}
