// The query editor's time from open to first completion in Chromium: the built datasource loaded unchanged by the
// browser tests' Grafana-like host page (tests/e2e), each round with a fresh browser profile (nothing cached), Debian's
// Chromium, the Bolt test server standing in for Memgraph.
import { startBoltTestServer } from '@opentruss/bolt-test-server';
import { DATASOURCE_UIDS, PLUGIN_IDS } from '@opentruss/contract';

import { buildHost } from '../../../tests/e2e/host/build';
import { launchChromium } from '../../../tests/e2e/src/harness/browser';
import { monacoIn } from '../../../tests/e2e/src/harness/monaco';
import { pluginBuildIn, requirePluginBuilds } from '../../../tests/e2e/src/server/pluginBuilds';
import { startHostServer } from '../../../tests/e2e/src/server/hostServer';
import { spread, type Spread } from '../measure';

export interface CompletionVariant {
  label: string;
  /** The datasource's dist/ to serve. */
  dist: string;
}

const SUGGESTION = '$__from';
const EDITOR_TEST_ID = 'memgraph-cypher-editor';

/**
 * Per variant, `rounds` times (interleaved, after one unmeasured warm-up round of each): open the query editor on an
 * empty query, type `RETURN $` as soon as Monaco shows, and wait until the suggestion widget offers `$__from`. The
 * completion provider waits for the lazily loaded Cypher language chunk, so this is Monaco's mount, the chunk's
 * download (from 127.0.0.1: no network time) and parse, and one completion.
 */
export async function completionTimes(
  variants: CompletionVariant[],
  rounds: number,
  log: (line: string) => void
): Promise<Map<string, Spread>> {
  await buildHost();
  const bolt = await startBoltTestServer();
  const builds = requirePluginBuilds();
  const times = new Map<string, number[]>(variants.map((v) => [v.label, []]));
  try {
    for (let round = 0; round <= rounds; round++) {
      for (const variant of variants) {
        const ms = await openToFirstCompletion(variant, builds, bolt);
        if (round > 0) {
          times.get(variant.label)!.push(ms);
        }
        log(`figure 5: ${variant.label} open → first completion ${ms.toFixed(0)} ms${round === 0 ? ' (warm-up)' : ''}`);
      }
    }
  } finally {
    await bolt.stop();
  }
  return new Map([...times].map(([label, values]) => [label, spread(values)]));
}

async function openToFirstCompletion(
  variant: CompletionVariant,
  builds: ReturnType<typeof requirePluginBuilds>,
  bolt: Awaited<ReturnType<typeof startBoltTestServer>>
): Promise<number> {
  const datasource = builds[PLUGIN_IDS.datasource];
  const host = await startHostServer({
    ...builds,
    [PLUGIN_IDS.datasource]: pluginBuildIn(datasource.id, datasource.folder, variant.dist),
  });
  const browser = await launchChromium();
  try {
    // As the browser tests' memgraphDatasource() (tests/e2e/src/harness/e2eSession.ts, which needs Jest's globals).
    host.setDatasources([
      { uid: DATASOURCE_UIDS.memgraph, name: 'Memgraph', type: PLUGIN_IDS.datasource, isDefault: true, jsonData: { url: bolt.url } },
    ]);
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(host.url + '/');
    await page.waitForFunction(() => Boolean((window as { e2e?: unknown }).e2e), undefined, { timeout: 30_000 });
    const started = performance.now();
    // As the browser tests' showQueryEditor() (tests/e2e/src/harness/workbench.ts): the host's workbench API.
    await page.evaluate(
      (uid) =>
        (window as unknown as { e2e: { show(view: unknown): void } }).e2e.show({
          kind: 'query',
          datasourceUid: uid,
          query: { refId: 'A', cypher: '', format: 'auto', legend: '' },
        }),
      DATASOURCE_UIDS.memgraph
    );
    const editor = await monacoIn(page, EDITOR_TEST_ID);
    await editor.locator('.view-lines').click();
    await page.keyboard.type('RETURN $');
    await page
      .locator('.suggest-widget.visible .monaco-list-row', { hasText: SUGGESTION })
      .first()
      .waitFor({ timeout: 60_000 });
    const elapsed = performance.now() - started;
    await monacoIn(page, EDITOR_TEST_ID); // still there: the editor did not fall over meanwhile
    return elapsed;
  } finally {
    await browser.close();
    await host.stop();
  }
}
