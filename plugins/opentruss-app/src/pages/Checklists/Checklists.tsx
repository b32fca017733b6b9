import React, { useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { PLAIN_TEXT } from '@opentruss/contract';
import { config, PluginPage } from '@grafana/runtime';
import { Alert, Badge, Card, Checkbox, Stack, Text, TextLink, useStyles2 } from '@grafana/ui';
import type { AlertName } from '@opentruss/alerts';
import { fetchRuleStates, type RuleState } from '../../api/alertStates';
import { liveState, liveStateText } from '../../checklists/liveState';
import { periodKey } from '../../checklists/periods';
import { loadTicks, setTick, type Ticks } from '../../checklists/storage';
import { taskLinkPath } from '../../checklists/taskLinks';
import { checklistTasks, PERIODS, periodTitle, type ChecklistTask, type Period } from '../../checklists/tasks';
import { testIds } from '../../components/testIds';
import { useAppSettings } from '../../hooks/useAppSettings';
import { useAsync, type AsyncState } from '../../hooks/useAsync';
import { grafanaHref } from '../../links';
import { datasourceUrlParams } from '../../settings';

/** Ticks are kept per Grafana user (a wall PC or shared browser has several). */
function currentUser(): string {
  const user = config.bootData?.user;
  return user?.id ? `user-${user.id}` : 'anonymous';
}

type RuleStates = AsyncState<Map<AlertName, RuleState>>;

/** The watched alerts' state now, as a badge. */
function LiveBadge({ watch, states }: { watch: readonly AlertName[]; states: RuleStates }) {
  if (states.status === 'loading') {
    return <Badge color="blue" text={t('checklists.live.loading', 'Reading the alert states…')} />;
  }
  if (states.status === 'error') {
    return (
      <Badge
        color="orange"
        icon="exclamation-triangle"
        text={t('checklists.live.unavailable', 'Alert states unavailable: {{message}}', {
          ...PLAIN_TEXT,
          message: states.error.message,
        })}
      />
    );
  }
  const state = liveState(watch, states.value);
  const color = state.kind === 'ok' ? 'green' : state.kind === 'firing' ? 'red' : 'orange';
  return (
    <Badge color={color} icon={state.kind === 'ok' ? 'check' : 'exclamation-triangle'} text={liveStateText(state)} />
  );
}

function Task({
  task,
  done,
  onChange,
  states,
}: {
  task: ChecklistTask;
  done: boolean;
  onChange: (done: boolean) => void;
  states: RuleStates;
}) {
  const styles = useStyles2(getStyles);
  const params = datasourceUrlParams(useAppSettings());
  return (
    <Card data-testid={testIds.checklists.task(task.id)} className={done ? styles.done : undefined}>
      <Card.Heading>
        <Checkbox value={done} onChange={(event) => onChange(event.currentTarget.checked)} label={task.title} />
      </Card.Heading>
      <Card.Description>
        {task.how}{' '}
        <span className={styles.manual}>
          {t('checklists.manual-reference', 'Ops manual {{sections}}.', { ...PLAIN_TEXT, sections: task.manual })}
        </span>
        {task.watch && (
          <span className={styles.live} data-testid={testIds.checklists.live(task.id)}>
            <LiveBadge watch={task.watch} states={states} />
          </span>
        )}
      </Card.Description>
      <Card.Meta>
        {task.links.map((link) => (
          <TextLink
            key={link.label}
            href={grafanaHref(taskLinkPath(link, params))}
            icon={link.kind === 'runbook' ? 'book-open' : 'graph-bar'}
          >
            {link.label}
          </TextLink>
        ))}
      </Card.Meta>
    </Card>
  );
}

/** "3/4 done today (2026-12-07)": how far the period's list is. */
function progressText(period: Period, done: number, total: number): string {
  const values = { done, total, period: periodKey(period, new Date()) };
  switch (period) {
    case 'daily':
      return t('checklists.progress.daily', '{{done}}/{{total}} done today ({{period}})', values);
    case 'weekly':
      return t('checklists.progress.weekly', '{{done}}/{{total}} done this week ({{period}})', values);
    case 'monthly':
      return t('checklists.progress.monthly', '{{done}}/{{total}} done this month ({{period}})', values);
  }
}

/** The ops manual's §9 daily, weekly and monthly tasks; ticks reset when the day, ISO week or month changes. */
export default function Checklists() {
  const user = currentUser();
  const [ticks, setTicks] = useState<Ticks>(() => loadTicks(window.localStorage, user, new Date()));
  const [storageError, setStorageError] = useState<string>();
  const states = useAsync(fetchRuleStates);
  const allTasks = checklistTasks();

  const toggle = (task: ChecklistTask, done: boolean) => {
    const result = setTick(window.localStorage, user, new Date(), task, done);
    setTicks(result.ticks);
    setStorageError(result.error);
  };

  return (
    <PluginPage>
      <div data-testid={testIds.checklists.container}>
        <Stack direction="column" gap={3}>
          {storageError && <Alert severity="warning" title={storageError} />}
          {PERIODS.map((period) => {
            const tasks = allTasks.filter((task) => task.period === period);
            const done = tasks.filter((task) => ticks[period].has(task.id)).length;
            return (
              <section key={period} aria-label={periodTitle(period)}>
                <Stack direction="column" gap={1}>
                  <Stack direction="row" alignItems="center" gap={1}>
                    <Text element="h2" variant="h4">
                      {periodTitle(period)}
                    </Text>
                    <Badge
                      color={done === tasks.length ? 'green' : 'blue'}
                      text={progressText(period, done, tasks.length)}
                    />
                  </Stack>
                  {tasks.map((task) => (
                    <Task
                      key={task.id}
                      task={task}
                      done={ticks[period].has(task.id)}
                      onChange={(value) => toggle(task, value)}
                      states={states}
                    />
                  ))}
                </Stack>
              </section>
            );
          })}
        </Stack>
      </div>
    </PluginPage>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  done: css({ opacity: 0.7 }),
  manual: css({ color: theme.colors.text.secondary }),
  live: css({ display: 'block', marginTop: theme.spacing(1) }),
});
