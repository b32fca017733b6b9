import { CodeEditor, type Monaco, type MonacoEditor } from '@grafana/ui';
import React, { useCallback, useEffect, useRef } from 'react';

import { loadLanguageLibrary } from '../cypher/languageLibrary';
import { attachQueryContext, CYPHER_LANGUAGE_ID, MARKER_OWNER, registerCypherLanguage, toMarkers } from '../cypher/monacoCypher';
import type { QueryContext } from '../cypher/queryContext';
import { TEST_IDS } from '../testIds';
import { Problems } from './Problems';
import { useDiagnostics } from './useDiagnostics';

export interface CypherEditorProps {
  value: string;
  onChange: (value: string) => void;
  /** Ctrl/Cmd+Enter. */
  onRun: () => void;
  /** Variables and schema for completion and checks; keep it memoised (a new object re-checks the query). */
  context: QueryContext;
  height?: number;
  /** The editor lost focus (with its text). */
  onBlur?: (value: string) => void;
}

/**
 * Grafana's Monaco CodeEditor with the Memgraph Cypher language: highlighting, completion (from the live schema,
 * the dashboard's variables, macros and parameters), markers for problems found before anything is sent, and
 * Ctrl/Cmd+Enter to run.
 */
export function CypherEditor({ value, onChange, onRun, context, height = 200, onBlur }: CypherEditorProps) {
  const diagnostics = useDiagnostics(value, context);
  const editorRef = useRef<{ editor: MonacoEditor; monaco: Monaco }>();
  const latest = useRef({ onRun, context, diagnostics });
  useEffect(() => {
    latest.current = { onRun, context, diagnostics };
  });

  const onEditorDidMount = useCallback((editor: MonacoEditor, monaco: Monaco) => {
    editorRef.current = { editor, monaco };
    // Completion's library starts downloading as the editor opens, not at the first keystroke that asks for it.
    loadLanguageLibrary().catch(() => undefined);
    const model = editor.getModel();
    const detach = model ? attachQueryContext(model, () => latest.current.context) : () => undefined;
    editor.onDidDispose(detach);
    // Monaco keeps one keybinding service for all editors, so a plain addCommand makes Ctrl/Cmd+Enter run the
    // editor mounted last (monaco-editor#2947): scope the command to this editor's focus, as Grafana's own editors do.
    const focusKey = `opentruss-cypher-focused-${editor.getId()}`;
    const focused = editor.createContextKey<boolean>(focusKey, false);
    editor.onDidFocusEditorText(() => focused.set(true));
    editor.onDidBlurEditorText(() => focused.set(false));
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => latest.current.onRun(), focusKey);
    if (model) {
      monaco.editor.setModelMarkers(model, MARKER_OWNER, toMarkers(monaco, model, latest.current.diagnostics));
    }
  }, []);

  useEffect(() => {
    const mounted = editorRef.current;
    const model = mounted?.editor.getModel();
    if (mounted && model && !model.isDisposed()) {
      mounted.monaco.editor.setModelMarkers(model, MARKER_OWNER, toMarkers(mounted.monaco, model, diagnostics));
    }
  }, [diagnostics]);

  return (
    <div data-testid={TEST_IDS.cypherEditor}>
      <CodeEditor
        value={value}
        language={CYPHER_LANGUAGE_ID}
        height={height}
        showLineNumbers
        showMiniMap={false}
        onBeforeEditorMount={registerCypherLanguage}
        onEditorDidMount={onEditorDidMount}
        onChange={onChange}
        onBlur={onBlur}
        monacoOptions={{ fixedOverflowWidgets: true, scrollBeyondLastLine: false, wordBasedSuggestions: false }}
      />
      <Problems text={value} diagnostics={diagnostics} />
    </div>
  );
}
