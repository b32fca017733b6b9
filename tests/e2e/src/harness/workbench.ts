// Opening the built datasource's editors in the host's workbench, as Grafana's panel editor opens them.
import type { Locator } from 'playwright-core';

import type { E2ESession } from './e2eSession';
import { monacoIn } from './monaco';

export const CYPHER_EDITOR = 'memgraph-cypher-editor';

export interface QueryEditorOptions {
  format?: string;
  legend?: string;
  /** The dashboard time range of the editor's runs (epoch ms). */
  range?: { from: number; to: number };
}

/** Shows the query editor on `cypher` and waits for Monaco. */
export async function showQueryEditor(
  session: E2ESession,
  datasourceUid: string,
  cypher: string,
  options: QueryEditorOptions = {}
): Promise<Locator> {
  await session.call(
    (e2e, arg) =>
      e2e.show({
        kind: 'query',
        datasourceUid: arg.uid,
        query: { refId: 'A', cypher: arg.cypher, format: arg.format, legend: arg.legend } as never,
        range: arg.range ?? undefined,
      }),
    {
      uid: datasourceUid,
      cypher,
      format: options.format ?? 'auto',
      legend: options.legend ?? '',
      range: options.range ?? null,
    }
  );
  return monacoIn(session.page, CYPHER_EDITOR);
}

/** The workbench's content: what a screenshot of an editor and its results should hold. */
export function workbenchArea(session: E2ESession): { around: Locator[] } {
  return { around: [session.page.getByTestId('e2e-workbench')] };
}
