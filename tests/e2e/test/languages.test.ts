// Both built plugins in the viewer's language. The user's language preference is changed through Grafana's API
// (PUT /api/user/preferences, as Profile → Preferences does) and the page reloaded; Grafana then loads each
// plugin's locale file for that language before its module.js (plugin.json `languages`). Every page is checked
// for its translated text — and for the other language's absence — and screenshotted in both languages.
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
    absent: /运维总览|每日任务|查看者可以看到凭据|运行查询/,
  },
  'zh-Hans': {
    home: ['数据源', '正在触发的 OpenTruss 告警', '仪表板', '运维总览', 'Kiosk 模式'],
    runbookSectionFirst: '中文',
    checklists: ['每日任务', '检查系统监控告警', '验证备份是否成功', '每月任务'],
    config: ['查看者可以看到凭据', '连接', '每个浏览器的最大连接数', '检查服务器与索引'],
    query: ['运行查询', '时间序列', '示例', '最多读取'],
    absent: /Wall overview|Daily tasks|Credentials are visible|Run query/,
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
  await session.page.waitForFunction(
    ({ id, wanted }) => {
      const shown = (document.querySelector(`[data-testid="${id}"]`) as HTMLElement | null)?.innerText ?? '';
      return wanted.every((text) => shown.includes(text));
    },
    { id: testId, wanted: [...texts] },
    { timeout: 30_000 }
  );
  expect(await session.page.getByTestId(testId).innerText()).not.toMatch(absent);
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
      await session.screenshot(`${language}-datasource-config`, workbenchArea(session));
    });

    session.test('datasource query editor', async () => {
      await session.open('/explore');
      await session.page.getByTestId('e2e-workbench').waitFor();
      await showQueryEditor(session, DATASOURCE_UIDS.memgraph, 'MATCH (l:InspectionLot) RETURN l.status, count(*)');
      await expectTexts('e2e-workbench', text.query, text.absent);
      await session.screenshot(`${language}-datasource-query`, workbenchArea(session));
    });
  });
}
