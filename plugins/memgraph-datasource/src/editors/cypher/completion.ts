import { t } from '@grafana/i18n';
import { MACROS } from '@opentruss/cypher';

import { PLAIN_TEXT } from '@opentruss/contract';
import { translateCypherText } from '../../model/cypherTexts';
import { maskForNeo4j } from './dialect';
import { CYPHER_KEYWORDS, MEMGRAPH_EXPANSIONS, NEO4J_ONLY_KEYWORDS } from './keywords';
import type { CypherLanguageLibrary } from './languageLibrary';
import { functionTextKey, MEMGRAPH_FUNCTIONS, type MemgraphFunction } from './memgraphFunctions';
import { BUILT_IN_PARAMETERS, type QueryContext } from './queryContext';

export type CompletionKind =
  'keyword' | 'function' | 'macro' | 'parameter' | 'variable' | 'label' | 'relationshipType' | 'propertyKey';

/** One completion, independent of Monaco (the adapter maps kinds and ranges). */
export interface CypherCompletion {
  label: string;
  insertText: string;
  kind: CompletionKind;
  detail?: string;
  documentation?: string;
  /** insertText is a snippet with tab stops (`${1:expression}`). */
  snippet?: boolean;
}

/** LSP CompletionItemKind numbers the library uses. */
const LSP = { function: 3, variable: 6, property: 10, keyword: 14, typeParameter: 25 } as const;

const FUNCTIONS_BY_NAME = new Map(MEMGRAPH_FUNCTIONS.map((f) => [f.name.toLowerCase(), f]));
const MACRO_PSEUDO_FUNCTIONS = new Set(MACROS.map((m) => m.name.slice(1)));

/** Built on use: their documentation is in the viewer's language. */
const macroCompletions = (): CypherCompletion[] =>
  MACROS.map((macro) => ({
    label: macro.name,
    insertText:
      macro.name === '$__timeGroup'
        ? '\\$__timeGroup(${1:expression}, ${2:\\$__interval})'
        : `\\${macro.name}(\${1:expression})`,
    snippet: true,
    kind: 'macro',
    detail: macro.signature,
    documentation: t('completion.macro-documentation', '{{description}}\n\nExample:\n{{example}}', {
      description: translateCypherText(macro.description),
      example: macro.example,
      ...PLAIN_TEXT,
    }),
  }));

function parameterCompletions(context: QueryContext): CypherCompletion[] {
  const builtIns = Object.entries(BUILT_IN_PARAMETERS).map(([name, documentation]) => ({
    label: `$${name}`,
    insertText: `$${name}`,
    kind: 'parameter' as const,
    detail: t('completion.datasource-parameter', 'datasource parameter'),
    documentation: translateCypherText(documentation),
  }));
  const variables = (context.variables ?? []).map((name) => ({
    label: `$${name}`,
    insertText: `$${name}`,
    kind: 'parameter' as const,
    detail: t('completion.dashboard-variable', 'dashboard variable'),
    documentation: t(
      'completion.dashboard-variable-documentation',
      'Sent as a parameter: a value, or a list for multi-value and "All" (write `x IN $name`).'
    ),
  }));
  return [...builtIns, ...variables];
}

/** A built-in function's description in the viewer's language (its English is the default). */
function functionDescription(f: MemgraphFunction): string {
  return t(functionTextKey(f.name), f.description, PLAIN_TEXT);
}

/** The schema in the library's terms: Memgraph's functions and the datasource's parameters included. */
function librarySchema(context: QueryContext) {
  const schema = context.schema;
  const functions = [
    ...MEMGRAPH_FUNCTIONS.map((f) => ({ name: f.name, signature: f.signature, description: functionDescription(f) })),
    ...(schema?.functions ?? []).map((name) => ({
      name,
      signature: `${name}(…)`,
      description: t('completion.query-module-function', 'Query-module function'),
    })),
  ].map((f) => ({
    ...f,
    category: '',
    isBuiltIn: true,
    argumentDescription: [],
    returnDescription: 'ANY',
    aggregating: false,
    isDeprecated: false,
  }));
  const parameters = Object.fromEntries(
    [...Object.keys(BUILT_IN_PARAMETERS), ...(context.variables ?? [])].map((name) => [name, null])
  );
  return {
    labels: schema?.labels ?? [],
    relationshipTypes: schema?.relationshipTypes ?? [],
    propertyKeys: schema?.propertyKeys ?? [],
    parameters,
    functions: { 'CYPHER 5': Object.fromEntries(functions.map((f) => [f.name, f])) },
  };
}

/** Context-free items for when the language library could not be loaded. */
function withoutLibrary(context: QueryContext): CypherCompletion[] {
  const schema = context.schema;
  const named = (names: readonly string[] | undefined, kind: CompletionKind) =>
    (names ?? []).map((name) => ({ label: name, insertText: name, kind }));
  return [
    ...named([...CYPHER_KEYWORDS, ...MEMGRAPH_EXPANSIONS], 'keyword'),
    ...MEMGRAPH_FUNCTIONS.map((f) => ({
      label: f.name,
      insertText: f.name,
      kind: 'function' as const,
      detail: f.signature,
      documentation: functionDescription(f),
    })),
    ...named(schema?.labels, 'label'),
    ...named(schema?.relationshipTypes, 'relationshipType'),
    ...named(schema?.propertyKeys, 'propertyKey'),
    ...parameterCompletions(context),
    ...macroCompletions(),
  ];
}

/**
 * Completions at `offset`: the library's context-aware suggestions on the masked query (keywords Memgraph
 * accepts, Memgraph's functions, labels / relationship types / property keys of the live schema, variables in
 * scope, parameters), plus the macros wherever a parameter could stand. Without the library: everything, unranked.
 */
export function cypherCompletions(
  text: string,
  offset: number,
  context: QueryContext,
  library?: CypherLanguageLibrary
): CypherCompletion[] {
  if (!library) {
    return withoutLibrary(context);
  }
  let masked = text;
  try {
    masked = maskForNeo4j(text, (name) => context.variables?.includes(name) ?? false).text;
  } catch {
    // half-typed text that does not tokenise (e.g. an open string): the library copes with it as it is
  }
  const parameters = new Map(parameterCompletions(context).map((p) => [p.label, p]));
  const schema = context.schema;
  const items = library.autocomplete(masked, librarySchema(context), { caretPosition: offset, manual: true });
  const result: CypherCompletion[] = [];
  let expressionPosition = false;
  for (const item of items) {
    const label = item.label;
    if (item.kind === LSP.keyword) {
      if (!NEO4J_ONLY_KEYWORDS.has(label.toUpperCase())) {
        result.push({ label, insertText: item.insertText ?? label, kind: 'keyword' });
      }
    } else if (item.kind === LSP.function) {
      const known = FUNCTIONS_BY_NAME.get(label.toLowerCase());
      if (!MACRO_PSEUDO_FUNCTIONS.has(label)) {
        result.push({
          label,
          insertText: label,
          kind: 'function',
          detail: known?.signature ?? item.detail,
          documentation: known && functionDescription(known),
        });
      }
    } else if (item.kind === LSP.variable && label.startsWith('$')) {
      expressionPosition = true;
      result.push(parameters.get(label) ?? { label, insertText: label, kind: 'parameter' });
    } else if (item.kind === LSP.variable) {
      result.push({ label, insertText: item.insertText ?? label, kind: 'variable', detail: t('completion.variable-in-scope', 'variable in scope') });
    } else if (item.kind === LSP.property) {
      result.push({ label, insertText: item.insertText ?? label, kind: 'propertyKey', detail: t('completion.property-key', 'property key') });
    } else if (item.kind === LSP.typeParameter) {
      const isType = schema?.relationshipTypes.includes(label) && !schema.labels.includes(label);
      result.push({
        label,
        insertText: item.insertText ?? label,
        kind: isType ? 'relationshipType' : 'label',
        detail: isType ? t('completion.relationship-type', 'relationship type') : t('completion.label', 'label'),
      });
    }
  }
  return expressionPosition ? [...result, ...macroCompletions()] : result;
}
