import { t } from '@grafana/i18n';
import React from 'react';
import { Badge } from '@grafana/ui';
import type { AlertName } from '@opentruss/alerts';
import type { AsyncState } from '../../hooks/useAsync';
import type { RuleState } from '../../api/alertStates';
import { RuleStateBadge } from '../../components/common/SeverityBadge';

/** An alert's current state while the states load, when they could not be read, or when the rule is missing. */
export function RuleStateCell({ name, states }: { name: AlertName; states: AsyncState<Map<AlertName, RuleState>> }) {
  if (states.status === 'loading') {
    return <Badge text={t('runbooks.state.loading', 'loading…')} color="blue" />;
  }
  if (states.status === 'error') {
    return <Badge text={t('runbooks.state.unknown', 'unknown')} color="darkgrey" tooltip={states.error.message} />;
  }
  const rule = states.value.get(name);
  if (!rule) {
    return (
      <Badge
        text={t('runbooks.state.not-installed', 'not installed')}
        color="darkgrey"
        tooltip={t('runbooks.state.not-installed-tooltip', 'No Grafana rule with this name and service=opentruss')}
      />
    );
  }
  return <RuleStateBadge state={rule.state} health={rule.health} />;
}
