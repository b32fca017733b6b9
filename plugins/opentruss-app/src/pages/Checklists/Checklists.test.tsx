import React from 'react';
import { fireEvent, screen, within } from '@testing-library/react';
import { config } from '@grafana/runtime';
import { storageKey } from '../../checklists/storage';
import { checklistTasks } from '../../checklists/tasks';
import { testIds } from '../../components/testIds';
import { RULES_URL } from '../../api/alertStates';
import { FakeBackend } from '../../testing/fakeGrafana';
import { useLanguage } from '../../testing/language';
import { renderPage } from '../../testing/render';
import { rulesResponse } from '../../testing/ruleStates';
import Checklists from './Checklists';

const task = (id: string) => within(screen.getByTestId(testIds.checklists.task(id)));
const checkbox = (id: string) => task(id).getByRole('checkbox') as HTMLInputElement;

let backend: FakeBackend;

beforeEach(() => {
  // The tests about ticks and links never see the alert states arrive (no update after they end).
  backend = new FakeBackend().install().hang('GET', RULES_URL);
  window.localStorage.clear();
  config.bootData.user = { ...config.bootData.user, id: 7 };
});
afterEach(() => jest.restoreAllMocks());
afterAll(() => useLanguage('en-US'));

describe('Ops checklists', () => {
  it('lists the manual’s daily, weekly and monthly tasks with their progress', () => {
    renderPage(<Checklists />);
    for (const period of ['Daily tasks', 'Weekly tasks', 'Monthly tasks']) {
      expect(screen.getByRole('region', { name: period })).toBeInTheDocument();
    }
    for (const item of checklistTasks()) {
      expect(task(item.id).getByText(item.title)).toBeInTheDocument();
    }
    expect(
      within(screen.getByRole('region', { name: 'Daily tasks' })).getByText(/^0\/4 done today \(\d{4}-\d{2}-\d{2}\)$/)
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: 'Weekly tasks' })).getByText(/^0\/4 done this week \(\d{4}-W\d{2}\)$/)
    ).toBeInTheDocument();
  });

  it('links each task to the panel, dashboard, runbook or page that answers it', () => {
    renderPage(<Checklists />, { settings: { prometheusDatasourceUid: 'prom-2' } });
    expect(task('daily-error-logs').getByRole('link', { name: 'API error rate' })).toHaveAttribute(
      'href',
      '/d/opentruss-api-db?var-prometheus=prom-2&viewPanel=3'
    );
    // The daily "查看错误日志" opens the Logs dashboard at error and critical over the last day.
    expect(task('daily-error-logs').getByRole('link', { name: 'Logs dashboard: errors of the last 24 h' })).toHaveAttribute(
      'href',
      '/d/opentruss-logs?var-prometheus=prom-2&from=now-24h&to=now&var-level=error&var-level=critical'
    );
    expect(task('daily-backup').getByRole('link', { name: 'Backup and restore runbook' })).toHaveAttribute(
      'href',
      '/a/opentruss-app/runbooks/BackupAndRestore'
    );
    expect(task('daily-backup').getByRole('link', { name: 'Last backup status' })).toHaveAttribute(
      'href',
      '/d/opentruss-system?var-prometheus=prom-2&viewPanel=32'
    );
    expect(task('daily-alerts').getByRole('link', { name: 'Alerts firing now' })).toHaveAttribute(
      'href',
      '/a/opentruss-app/home'
    );
    expect(task('monthly-capacity-review').getByRole('link', { name: 'Capacity planning' })).toHaveAttribute(
      'href',
      '/d/opentruss-capacity?var-prometheus=prom-2'
    );
    for (const item of checklistTasks()) {
      expect(task(item.id).getAllByRole('link')).toHaveLength(item.links.length);
    }
  });

  it('keeps ticks for this user across visits', () => {
    const first = renderPage(<Checklists />);
    fireEvent.click(checkbox('daily-disk-space'));
    fireEvent.click(checkbox('weekly-performance'));
    expect(checkbox('daily-disk-space').checked).toBe(true);
    expect(
      within(screen.getByRole('region', { name: 'Daily tasks' })).getByText(/^1\/4 done today/)
    ).toBeInTheDocument();
    first.unmount();

    renderPage(<Checklists />);
    expect(checkbox('daily-disk-space').checked).toBe(true);
    expect(checkbox('weekly-performance').checked).toBe(true);
    expect(checkbox('daily-backup').checked).toBe(false);
    expect(JSON.parse(window.localStorage.getItem(storageKey('user-7'))!).daily.done).toEqual(['daily-disk-space']);
  });

  it('does not show another user’s ticks', () => {
    const first = renderPage(<Checklists />);
    fireEvent.click(checkbox('daily-backup'));
    first.unmount();
    config.bootData.user = { ...config.bootData.user, id: 8 };
    renderPage(<Checklists />);
    expect(checkbox('daily-backup').checked).toBe(false);
  });

  it('warns when the browser refuses to store the ticks', () => {
    jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    renderPage(<Checklists />);
    fireEvent.click(checkbox('daily-alerts'));
    expect(
      screen.getByText('Could not save the ticks in this browser: The quota has been exceeded.')
    ).toBeInTheDocument();
    expect(checkbox('daily-alerts').checked).toBe(true);
  });

  it('shows the live state of the backup tasks from the alerts that watch them', async () => {
    backend.reply(
      'GET',
      RULES_URL,
      rulesResponse({
        BackupFailed: { state: 'firing', alerts: [{ labels: { kind: 'incremental' }, state: 'Alerting' }] },
      })
    );
    renderPage(<Checklists />);
    const daily = within(screen.getByTestId(testIds.checklists.live('daily-backup')));
    expect(await daily.findByText('Firing now: BackupFailed')).toBeInTheDocument();
    expect(
      await within(screen.getByTestId(testIds.checklists.live('weekly-restore-test'))).findByText(
        'OK now: BackupVerificationOverdue, BackupVerificationFailed quiet'
      )
    ).toBeInTheDocument();
    expect(screen.queryByTestId(testIds.checklists.live('daily-disk-space'))).not.toBeInTheDocument();
  });

  it('says when the watched rules are not installed or the states cannot be read', async () => {
    backend.reply('GET', RULES_URL, rulesResponse({}, { only: ['HighCPUUsage'] }));
    const first = renderPage(<Checklists />);
    expect(
      await within(screen.getByTestId(testIds.checklists.live('weekly-restore-test'))).findByText(
        'Alert rules not installed: BackupVerificationOverdue, BackupVerificationFailed'
      )
    ).toBeInTheDocument();
    first.unmount();
    backend.reply('GET', RULES_URL, { status: 'error' });
    renderPage(<Checklists />);
    expect(
      await within(screen.getByTestId(testIds.checklists.live('daily-backup'))).findByText(/^Alert states unavailable: /)
    ).toBeInTheDocument();
  });

  it('reads in Chinese for a zh-Hans viewer: the manual’s own task names, no English left', async () => {
    await useLanguage('zh-Hans');
    renderPage(<Checklists />);
    const daily = within(screen.getByRole('region', { name: '每日任务' }));
    for (const title of ['检查系统监控告警', '查看错误日志', '检查磁盘空间', '验证备份是否成功']) {
      expect(daily.getByText(title)).toBeInTheDocument();
    }
    expect(daily.getByText(/^今日已完成 0\/4（\d{4}-\d{2}-\d{2}）$/)).toBeInTheDocument();
    expect(screen.getByRole('region', { name: '每周任务' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: '每月任务' })).toBeInTheDocument();
    expect(screen.queryByText(/Check disk space|Daily tasks|done today/)).not.toBeInTheDocument();
    await useLanguage('en-US');
  });
});
