import { t } from '@grafana/i18n';
import React from 'react';
import { Badge } from '@grafana/ui';
import type { Severity } from '@opentruss/alerts';

const COLOR: Record<Severity, 'red' | 'orange'> = { critical: 'red', warning: 'orange' };

function severityText(severity: Severity): string {
  return severity === 'critical' ? t('common.severity.critical', 'critical') : t('common.severity.warning', 'warning');
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <Badge
      text={severityText(severity)}
      color={COLOR[severity]}
      icon={severity === 'critical' ? 'fire' : 'exclamation-triangle'}
    />
  );
}

/** A rule's state as Grafana's alerting shows it, coloured. */
export function RuleStateBadge({ state, health }: { state: string; health?: string }) {
  if (health === 'error') {
    return (
      <Badge
        text={t('runbooks.state.error', 'error')}
        color="purple"
        icon="exclamation-circle"
        tooltip={t('runbooks.state.error-tooltip', "The rule's query fails")}
      />
    );
  }
  const color = state === 'firing' ? 'red' : state === 'pending' ? 'orange' : state === 'inactive' ? 'green' : 'blue';
  const text =
    state === 'firing'
      ? t('runbooks.state.firing', 'firing')
      : state === 'pending'
        ? t('runbooks.state.pending', 'pending')
        : state === 'inactive'
          ? t('runbooks.state.normal', 'normal')
          : state;
  return <Badge text={text} color={color} />;
}
