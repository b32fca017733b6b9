// Both built plugins in the viewer's language. The user's language preference is changed through Grafana's API
// (PUT /api/user/preferences, as Profile → Preferences does) and the page reloaded; Grafana then loads each
// plugin's locale file for that language before its module.js (plugin.json `languages`). Every page is checked
// for its translated text — and for the other language's absence — and screenshotted in both languages; so are the
// datasource engine's own messages (the health report, the read-only checker's refusal in the editor and panel).
import { runbookByName } from '@opentruss/alerts';
import { DATASOURCE_UIDS, PLUGIN_IDS } from '@opentruss/contract';

import { browserSession, memgraphDatasource, PROMETHEUS_DATASOURCE } from '../src/harness/e2eSession';
import { showQueryEditor, workbenchArea } from '../src/harness/workbench';
import { serveOpenTrussMemgraph } from '../src/memgraph/opentrussMemgraph';

const session = browserSession('languages');
const APP = `/a/${PLUGIN_IDS.app}`;
const RUNBOOK = 'DatabaseSlowQuery';

session.prepare(async () => {
  serveOpenTrussMemgraph(session.bolt);
  session.host.setDatasources([memgraphDatasource(session.bolt), PROMETHEUS_DATASOURCE]);
  session.host.api.datasourceHealth.set(DATASOURCE_UIDS.prometheus, {
    status: 200,
    body: { status: 'OK', message: 'Successfully queried the Prometheus API.' },
  });
});

/** What each language must show on each page, and what only the other language says. */
const TEXT = {
  'en-US': {
    home: ['Datasources', 'OpenTruss alerts firing now', 'Dashboards', 'Wall overview', 'Kiosk mode'],
    runbookSectionFirst: 'English',
    checklists: ['Daily tasks', 'Check the monitoring alerts', 'Verify that the backup succeeded', 'Monthly tasks'],
    config: [
      'Credentials are visible to viewers',
      'Connection',
      'Max connections per browser',
      'Check server and indexes',
    ],
    query: ['Run query', 'Time series', 'Examples', 'Reads at most'],
    // The datasource's engine: the health check's report, a refusal marked in the editor and shown in the panel.
    serverReport: ['Connected to Memgraph', 'a test read succeeded', 'Missing 2 indexes the OpenTruss ops manual'],
    refusal: 'Line 2, column 1: Refused in the browser before sending: this query writes (DETACH DELETE)',
    panelError: 'Refused in the browser before sending: this query writes (DETACH DELETE) at line 2, column 1.',
    absent: /运维总览|每日任务|查看者可以看到凭据|运行查询|已连接到|浏览器在发送前拒绝/,
  },
  'zh-Hans': {
    home: ['数据源', '正在触发的 OpenTruss 告警', '仪表板', '运维总览', 'Kiosk 模式'],
    runbookSectionFirst: '中文',
    checklists: ['每日任务', '检查系统监控告警', '验证备份是否成功', '每月任务'],
    config: ['查看者可以看到凭据', '连接', '每个浏览器的最大连接数', '检查服务器与索引'],
    query: ['运行查询', '时间序列', '示例', '最多读取'],
    serverReport: ['已连接到', '测试读取成功。缺少 OpenTruss 运维手册推荐的 2 个索引'],
    refusal: '第 2 行，第 1 列：浏览器在发送前拒绝：此查询会写入数据（DETACH DELETE）',
    panelError: '浏览器在发送前拒绝：此查询会写入数据（DETACH DELETE），位于第 2 行第 1 列。',
    absent: /Wall overview|Daily tasks|Credentials are visible|Run query|Connected to|Refused in the browser|read-only/,
  },
} as const;

async function useLanguage(language: keyof typeof TEXT): Promise<void> {
  await session.page.evaluate(async (lang) => {
    const response = await fetch('/api/user/preferences', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ language: lang }),
    });
    if (!response.ok) {
      throw new Error(`preferences: HTTP ${response.status}`);
    }
  }, language);
}

async function expectTexts(testId: string, texts: readonly string[], absent: RegExp): Promise<void> {
  const shown = await session.page
    .waitForFunction(
      ({ id, wanted }) => {
        const text = (document.querySelector(`[data-testid="${id}"]`) as HTMLElement | null)?.innerText ?? '';
        return wanted.every((part) => text.includes(part)) && text;
      },
      { id: testId, wanted: [...texts] },
      { timeout: 30_000 }
    )
    .then((handle) => handle.jsonValue() as Promise<string>)
    // On a timeout, say what the page showed instead.
    .catch(async () => session.page.getByTestId(testId).innerText().catch(() => `(no ${testId})`));
  const missing = texts.filter((text) => !shown.includes(text));
  expect({ testId, missing, shown: missing.length ? shown : '' }).toEqual({ testId, missing: [], shown: '' });
  expect(shown).not.toMatch(absent);
}

for (const language of ['zh-Hans', 'en-US'] as const) {
  const text = TEXT[language];
  describe(language, () => {
    session.test('app home', async () => {
      await session.open('/');
      await useLanguage(language);
      await session.open(`${APP}/home`);
      await expectTexts('data-testid opentruss-home', text.home, text.absent);
      // The locale file came from where plugin.json `languages` puts it, like Grafana's loader asks for it.
      if (language !== 'en-US') {
        expect(session.host.requests).toContain(
          `/public/plugins/${PLUGIN_IDS.app}/locales/${language}/${PLUGIN_IDS.app}.json`
        );
      }
      await session.screenshot(`${language}-home`);
    });

    session.test('a runbook: the viewer’s language section first', async () => {
      await session.open(`${APP}/runbooks/${RUNBOOK}`);
      const runbook = runbookByName(RUNBOOK)!;
      const title = language === 'zh-Hans' ? runbook.title.zh : runbook.title.en;
      await session.page.getByRole('heading', { level: 2, name: title, exact: true }).waitFor();
      const sections = await session.page
        .getByTestId('data-testid opentruss-runbook-markdown')
        .getByRole('heading', { level: 2 })
        .allInnerTexts();
      expect(sections[0]).toBe(text.runbookSectionFirst);
      expect(sections).toHaveLength(2);
      await session.screenshot(`${language}-runbook`, { maxHeight: 1000 });
    });

    session.test('checklists', async () => {
      await session.open(`${APP}/checklists`);
      await expectTexts('data-testid opentruss-checklists', text.checklists, text.absent);
      await session.screenshot(`${language}-checklists`);
    });

    session.test('datasource configuration editor', async () => {
      await session.open('/datasources/edit');
      await session.page.getByTestId('e2e-workbench').waitFor();
      await session.call((e2e, uid) => e2e.show({ kind: 'config', datasourceUid: uid }), DATASOURCE_UIDS.memgraph);
      await expectTexts('e2e-workbench', text.config, text.absent);
      // "Check server and indexes": the same report as Save & test, worded in the viewer's language.
      await session.page.getByTestId('memgraph-check-server').click();
      await expectTexts('memgraph-server-report', text.serverReport, text.absent);
      await session.screenshot(`${language}-datasource-config`, workbenchArea(session));
    });

    session.test('datasource query editor', async () => {
      await session.open('/explore');
      await session.page.getByTestId('e2e-workbench').waitFor();
      await showQueryEditor(session, DATASOURCE_UIDS.memgraph, 'MATCH (l:InspectionLot) RETURN l.status, count(*)');
      await expectTexts('e2e-workbench', text.query, text.absent);
      await session.screenshot(`${language}-datasource-query`, workbenchArea(session));
    });

    session.test('the read-only checker’s refusal, in the editor and in the panel', async () => {
      await session.open('/explore');
      await session.page.getByTestId('e2e-workbench').waitFor();
      await showQueryEditor(session, DATASOURCE_UIDS.memgraph, 'MATCH (l:InspectionLot {id: $lot})\nDETACH DELETE l');
      await expectTexts('memgraph-query-problems', [text.refusal], text.absent);
      const runsBefore = session.bolt.runs.length;
      await session.page.getByTestId('memgraph-run-query').click();
      await expectTexts('e2e-frames', [text.panelError], text.absent);
      expect(session.bolt.runs.slice(runsBefore)).toEqual([]);
      await session.screenshot(`${language}-datasource-refusal`, workbenchArea(session));
    });
  });
}
