// One browser test file's world: the Bolt test server (standing in for Memgraph), the host server with the built
// plugins, Debian's Chromium with one page, and what went on in each (browser console, Bolt messages) for failures.
import fs from 'node:fs';
import path from 'node:path';
import { startBoltTestServer, type BoltTestServer, type BoltTestServerOptions } from '@opentruss/bolt-test-server';
import { DATASOURCE_UIDS, PLUGIN_IDS } from '@opentruss/contract';
import type { Locator, Page } from 'playwright-core';

import { requireHostBuild } from '../../host/build';
import type { E2EHostApi } from '../../host/src/api/types';
import { ARTIFACTS_DIR } from '../paths';
import { requirePluginBuilds } from '../server/pluginBuilds';
import type { HostDatasource } from '../server/hostPage';
import { startHostServer, type HostServer } from '../server/hostServer';
import { launchChromium, type LaunchedBrowser } from './browser';
import { describeBoltLog } from './boltLog';

export interface E2ESession {
  readonly bolt: BoltTestServer;
  readonly host: HostServer;
  readonly page: Page;
  /** Browser console messages and page errors, in order. */
  readonly consoleLog: string[];
  /** Uncaught errors and unhandled rejections in the page. */
  readonly pageErrors: string[];
  /** Loads `path` (default: the workbench) and waits for the host API. */
  open(path?: string): Promise<void>;
  /** Calls the host API inside the page: `session.call((e2e, arg) => e2e.testDatasource(arg), uid)`. */
  call<R, A = undefined>(fn: (e2e: E2EHostApi, arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /**
   * Saves a PNG under artifacts/<file>/<name>.png and returns its path: the whole page, or the area around some
   * elements (`around`), or the page's top `maxHeight` pixels.
   */
  screenshot(name: string, options?: ScreenshotOptions): Promise<string>;
  /** What a failing test prints: the browser console and the Bolt server's message log. */
  diagnostics(): string;
  /**
   * `it()` for browser tests: fails when the page threw meanwhile, and a failure carries the browser console and
   * the Bolt server's message log.
   */
  test(name: string, fn: () => Promise<void>, timeoutMs?: number): void;
  /** `beforeAll()` for the file's own set-up, with the same failure output as `test`. */
  prepare(fn: () => Promise<void>): void;
}

export interface ScreenshotOptions {
  around?: Locator[];
  maxHeight?: number;
}

const SCREENSHOT_MARGIN = 16;

/** The smallest page area holding every box, with a margin. */
async function clipAround(page: Page, elements: Locator[]) {
  const boxes = [];
  for (const element of elements) {
    await element.scrollIntoViewIfNeeded();
    const box = await element.boundingBox();
    if (!box) {
      throw new Error(`Cannot take a screenshot around ${element}: it is not visible`);
    }
    const scroll = await page.evaluate(() => ({ x: window.scrollX, y: window.scrollY }));
    boxes.push({ ...box, x: box.x + scroll.x, y: box.y + scroll.y });
  }
  const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - SCREENSHOT_MARGIN);
  const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - SCREENSHOT_MARGIN);
  return {
    x,
    y,
    width: Math.max(...boxes.map((b) => b.x + b.width)) + SCREENSHOT_MARGIN - x,
    height: Math.max(...boxes.map((b) => b.y + b.height)) + SCREENSHOT_MARGIN - y,
  };
}

/** The Memgraph datasource as provisioning defines it, pointing at the Bolt test server. */
export function memgraphDatasource(bolt: BoltTestServer, jsonData: Record<string, unknown> = {}): HostDatasource {
  return {
    uid: DATASOURCE_UIDS.memgraph,
    name: 'Memgraph',
    type: PLUGIN_IDS.datasource,
    isDefault: true,
    jsonData: { url: bolt.url, ...jsonData },
  };
}

export const PROMETHEUS_DATASOURCE: HostDatasource = {
  uid: DATASOURCE_UIDS.prometheus,
  name: 'Prometheus',
  type: 'prometheus',
};

interface SessionParts {
  bolt: BoltTestServer;
  host: HostServer;
  browser: LaunchedBrowser;
  page: Page;
}

/**
 * Registers beforeAll/afterAll for a test file and returns the session. `artifactsName` names the screenshot folder.
 */
export function browserSession(artifactsName: string, boltOptions: BoltTestServerOptions = {}): E2ESession {
  let parts: SessionParts | undefined;
  const consoleLog: string[] = [];
  const pageErrors: string[] = [];
  const screenshotDir = path.join(ARTIFACTS_DIR, artifactsName);
  const get = () => {
    if (!parts) {
      throw new Error('The e2e session is not running (beforeAll failed?)');
    }
    return parts;
  };

  // What beforeAll started, even partly: afterAll stops it all.
  const started: Partial<SessionParts> = {};

  beforeAll(async () => {
    requireHostBuild();
    const builds = requirePluginBuilds();
    started.bolt = await startBoltTestServer(boltOptions);
    started.host = await startHostServer(builds);
    started.browser = await launchChromium();
    const page = started.browser.context.pages()[0] ?? (await started.browser.context.newPage());
    page.on('console', (message) => consoleLog.push(`[${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => {
      pageErrors.push(error.stack ?? error.message);
      consoleLog.push(`[pageerror] ${error.stack ?? error.message}`);
    });
    parts = { bolt: started.bolt, host: started.host, browser: started.browser, page };
    fs.mkdirSync(screenshotDir, { recursive: true });
  }, 90_000);

  afterAll(async () => {
    await started.browser?.close();
    await started.host?.stop();
    await started.bolt?.stop();
  }, 30_000);

  /** Runs `fn`; a failure carries the browser console and the Bolt server's log. */
  const withDiagnostics = async (fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (error) {
      if (error instanceof Error) {
        // Jest prints the stack (which embeds the original message) for most errors, the message for others.
        const original = error.message;
        error.message += `\n\n${session.diagnostics()}`;
        error.stack = error.stack?.replace(original, error.message);
      }
      throw error;
    }
  };

  const session: E2ESession = {
    get bolt() {
      return get().bolt;
    },
    get host() {
      return get().host;
    },
    get page() {
      return get().page;
    },
    consoleLog,
    pageErrors,
    async open(pagePath = '/') {
      const { page, host } = get();
      await page.goto(host.url + pagePath);
      await page.waitForFunction(() => Boolean(window.e2e), undefined, { timeout: 30_000 });
    },
    call(fn, arg) {
      // The function runs in the page: only its source crosses, so it may use nothing but its (JSON) argument.
      return get().page.evaluate(`(${fn.toString()})(window.e2e, ${JSON.stringify(arg ?? null)})`);
    },
    async screenshot(name, options = {}) {
      const { page } = get();
      const file = path.join(screenshotDir, `${name}.png`);
      const width = page.viewportSize()?.width ?? 1280;
      const clip = options.around
        ? await clipAround(page, options.around)
        : options.maxHeight
          ? { x: 0, y: 0, width, height: options.maxHeight }
          : undefined;
      await page.screenshot({ path: file, fullPage: true, clip });
      return file;
    },
    diagnostics() {
      const lines = [`--- browser console (${consoleLog.length} messages, last 80) ---`, ...consoleLog.slice(-80)];
      if (parts) {
        lines.push(
          `--- host: ${parts.host.notFound.length} missing files: ${parts.host.notFound.slice(-10).join(', ')}`
        );
        lines.push(describeBoltLog(parts.bolt));
      }
      return lines.join('\n');
    },
    test(name, fn, timeoutMs) {
      it(
        name,
        () =>
          withDiagnostics(async () => {
            const errorsBefore = pageErrors.length;
            await fn();
            expect(pageErrors.slice(errorsBefore)).toEqual([]);
          }),
        timeoutMs
      );
    },
    prepare(fn) {
      beforeAll(() => withDiagnostics(fn), 60_000);
    },
  };
  return session;
}
