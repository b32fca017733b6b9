import React from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ALERTS, PROCEDURE_RUNBOOKS, RUNBOOKS } from '@opentruss/alerts';
import { RULES_URL } from '../../api/alertStates';
import { testIds } from '../../components/testIds';
import { FakeBackend } from '../../testing/fakeGrafana';
import { useLanguage } from '../../testing/language';
import { renderPage } from '../../testing/render';
import { rulesResponse } from '../../testing/ruleStates';
import RunbookIndex from './RunbookIndex';
import RunbookPage, { runbookHtml } from './RunbookPage';

let backend: FakeBackend;
beforeEach(() => {
  backend = new FakeBackend().install();
});

const rowOf = (name: string) => screen.getByRole('link', { name }).closest('tr') as HTMLElement;

describe('Runbook index', () => {
  it('lists every alert with severity, threshold and current state, then the procedures', async () => {
    backend.reply(
      'GET',
      RULES_URL,
      rulesResponse(
        {
          HighCPUUsage: { state: 'firing' },
          HighAPILatency: { state: 'pending' },
          DatabaseSlowQuery: { health: 'error' },
        },
        { only: ALERTS.map((a) => a.name).filter((name) => name !== 'DiskWillFillIn24h') }
      )
    );
    renderPage(<RunbookIndex />);
    expect(within(rowOf('HighCPUUsage')).getByText('loading…')).toBeInTheDocument();
    await waitFor(() => expect(within(rowOf('HighCPUUsage')).getByText('firing')).toBeInTheDocument());
    expect(within(rowOf('HighAPILatency')).getByText('pending')).toBeInTheDocument();
    expect(within(rowOf('HighMemoryUsage')).getByText('normal')).toBeInTheDocument();
    expect(within(rowOf('DatabaseSlowQuery')).getByText('error')).toBeInTheDocument();
    expect(within(rowOf('DiskWillFillIn24h')).getByText('not installed')).toBeInTheDocument();

    // One role query for all links (a role query per runbook is slow in jsdom on a long table).
    const hrefs = new Map(screen.getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')]));
    for (const runbook of RUNBOOKS) {
      expect([runbook.name, hrefs.get(runbook.name)]).toEqual([
        runbook.name,
        `/a/opentruss-app/runbooks/${runbook.name}`,
      ]);
    }
    const cpu = within(rowOf('HighCPUUsage'));
    expect(cpu.getByText('warning')).toBeInTheDocument();
    expect(cpu.getByText('CPU usage > 85% for 5 min')).toBeInTheDocument();
    expect(cpu.getByText('CPU usage is high')).toBeInTheDocument();
    expect(within(rowOf('HighDiskUsage')).getByText('critical')).toBeInTheDocument();
    expect(
      within(rowOf('BackupAndRestore')).getByText(`§${PROCEDURE_RUNBOOKS.BackupAndRestore.source}`)
    ).toBeInTheDocument();
    expect(within(rowOf('EmergencyResponse')).getByText('Emergency response')).toBeInTheDocument();
  });

  it('still lists the runbooks when the states cannot be read, and retries', async () => {
    backend.fail('GET', RULES_URL, 403, 'Permission denied');
    renderPage(<RunbookIndex />);
    expect(await screen.findByText('Current alert states are unavailable')).toBeInTheDocument();
    expect(screen.getByText(`GET ${RULES_URL} failed (HTTP 403): Permission denied`)).toBeInTheDocument();
    expect(within(rowOf('HighCPUUsage')).getByText('unknown')).toBeInTheDocument();
    backend.reply('GET', RULES_URL, rulesResponse());
    fireEvent.click(screen.getByRole('button', { name: /Retry/ }));
    await waitFor(() => expect(within(rowOf('HighCPUUsage')).getByText('normal')).toBeInTheDocument());
  });
});

describe('Runbook page', () => {
  const renderRunbook = (name: string) =>
    renderPage(<RunbookPage />, { path: `/runbooks/${encodeURIComponent(name)}`, route: 'runbooks/:name' });

  it('renders an alert’s runbook: both languages, commands, facts and links', async () => {
    backend.reply('GET', RULES_URL, rulesResponse({ HighDiskUsage: { state: 'firing' } }));
    renderRunbook('HighDiskUsage');
    const markdown = within(screen.getByTestId(testIds.runbooks.markdown));
    expect(markdown.getByRole('heading', { level: 1, name: 'HighDiskUsage' })).toBeInTheDocument();
    expect(markdown.getByRole('heading', { level: 2, name: '中文' })).toBeInTheDocument();
    expect(markdown.getByRole('heading', { level: 2, name: 'English' })).toBeInTheDocument();
    for (const section of ['含义', '影响', '诊断', '处置', 'Meaning', 'Impact', 'Diagnosis', 'Mitigation']) {
      expect(markdown.getByRole('heading', { level: 3, name: section })).toBeInTheDocument();
    }
    expect(screen.getByTestId(testIds.runbooks.markdown).querySelectorAll('pre code').length).toBeGreaterThan(0);
    expect(screen.getByText('Disk is almost full')).toBeInTheDocument();
    expect(screen.getByText('critical')).toBeInTheDocument();
    expect(await screen.findByText('firing')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Panel: Disk usage/ })).toHaveAttribute(
      'href',
      '/d/opentruss-system?viewPanel=3'
    );
    expect(screen.getByRole('link', { name: /Dashboard/ })).toHaveAttribute('href', '/d/opentruss-system');
    expect(screen.getByRole('link', { name: /Alert rule/ })).toHaveAttribute(
      'href',
      '/alerting/grafana/opentruss-highdiskusage/view'
    );
    expect(screen.getByRole('link', { name: /All runbooks/ })).toHaveAttribute('href', '/a/opentruss-app/runbooks');
  });

  it('shows the English section first to an English viewer and the Chinese one first to a zh-Hans viewer', async () => {
    const headings = () =>
      within(screen.getByTestId(testIds.runbooks.markdown))
        .getAllByRole('heading', { level: 2 })
        .map((heading) => heading.textContent);
    backend.reply('GET', RULES_URL, rulesResponse({ HighDiskUsage: { state: 'firing' } }));
    const english = renderRunbook('HighDiskUsage');
    expect(headings()).toEqual(['English', '中文']);
    expect(await screen.findByText('firing')).toBeInTheDocument();
    english.unmount();

    await useLanguage('zh-Hans');
    try {
      renderRunbook('HighDiskUsage');
      expect(headings()).toEqual(['中文', 'English']);
      expect(screen.getByRole('heading', { level: 2, name: '磁盘空间不足' })).toBeInTheDocument();
      expect(screen.getByText('严重')).toBeInTheDocument();
      expect(screen.getByRole('link', { name: /面板：磁盘使用率/ })).toBeInTheDocument();
      expect(screen.getByRole('link', { name: /全部运行手册/ })).toBeInTheDocument();
      expect(screen.queryByText(/All runbooks|Disk is almost full/)).not.toBeInTheDocument();
      expect(await screen.findByText('告警中')).toBeInTheDocument();
    } finally {
      await useLanguage('en-US');
    }
  });

  it('renders a procedure runbook that no alert triggers, without alert facts', () => {
    renderRunbook('BackupAndRestore');
    expect(screen.getByText('Backup and restore')).toBeInTheDocument();
    expect(
      within(screen.getByTestId(testIds.runbooks.markdown)).getByRole('heading', { level: 3, name: 'Mitigation' })
    ).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Panel:/ })).not.toBeInTheDocument();
    expect(backend.calls).toHaveLength(0);
  });

  it('says which runbook does not exist and links the index', () => {
    renderRunbook('NoSuchAlert');
    expect(screen.getByText('No runbook named "NoSuchAlert"')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'runbook index' })).toHaveAttribute('href', '/a/opentruss-app/runbooks');
  });
});

describe('runbook Markdown is sanitised', () => {
  it('drops scripts, event handlers and javascript: links but keeps the text', () => {
    const html = runbookHtml(
      [
        '# Title',
        '<script>window.pwned = true</script>',
        '<img src="x" onerror="window.pwned = true">',
        '[click](javascript:window.pwned=true)',
        '<a href="https://example.com" onclick="window.pwned = true">safe link</a>',
        '<iframe src="javascript:alert(1)"></iframe>',
      ].join('\n\n')
    );
    expect(html).toContain('<h1');
    expect(html).toContain('safe link');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/onerror|onclick/i);
    expect(html).not.toMatch(/javascript:/i);
    const container = document.createElement('div');
    container.innerHTML = html;
    expect(container.querySelector('a[href="https://example.com"]')).not.toBeNull();
  });
});
