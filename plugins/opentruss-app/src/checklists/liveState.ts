// What the alerts a checklist task watches say right now (Grafana's rule states): the live answer next to the
// task, e.g. "did last night's backup succeed?" before anyone opens a panel.
import { t } from '@grafana/i18n';
import { PLAIN_TEXT } from '@opentruss/contract';
import type { AlertName } from '@opentruss/alerts';
import type { RuleState } from '../api/alertStates';

export type LiveState =
  | { kind: 'ok'; watched: readonly AlertName[] }
  | { kind: 'firing'; alerts: AlertName[] }
  | { kind: 'error'; alerts: AlertName[] }
  | { kind: 'notInstalled'; alerts: AlertName[] };

/** Firing wins over a failing rule query, which wins over rules not installed; otherwise all is well. */
export function liveState(watch: readonly AlertName[], states: Map<AlertName, RuleState>): LiveState {
  const firing = watch.filter((name) => states.get(name)?.instances.some((i) => i.state.startsWith('Alerting')));
  if (firing.length > 0) {
    return { kind: 'firing', alerts: firing };
  }
  const failing = watch.filter((name) => states.get(name)?.health === 'error');
  if (failing.length > 0) {
    return { kind: 'error', alerts: failing };
  }
  const missing = watch.filter((name) => !states.has(name));
  if (missing.length > 0) {
    return { kind: 'notInstalled', alerts: missing };
  }
  return { kind: 'ok', watched: watch };
}

export function liveStateText(state: LiveState): string {
  switch (state.kind) {
    case 'ok':
      return t('checklists.live.ok', 'OK now: {{alerts}} quiet', { ...PLAIN_TEXT, alerts: state.watched.join(', ') });
    case 'firing':
      return t('checklists.live.firing', 'Firing now: {{alerts}}', { ...PLAIN_TEXT, alerts: state.alerts.join(', ') });
    case 'error':
      return t('checklists.live.error', 'Cannot evaluate: {{alerts}}', { ...PLAIN_TEXT, alerts: state.alerts.join(', ') });
    case 'notInstalled':
      return t('checklists.live.not-installed', 'Alert rules not installed: {{alerts}}', {
        ...PLAIN_TEXT,
        alerts: state.alerts.join(', '),
      });
  }
}
