import React from 'react';
import { Badge } from '@grafana/ui';
import type { Severity } from '@opentruss/alerts';

const COLOR: Record<Severity, 'red' | 'orange'> = { critical: 'red', warning: 'orange' };

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <Badge text={severity} color={COLOR[severity]} icon={severity === 'critical' ? 'fire' : 'exclamation-triangle'} />
  );
}

/** A rule's state as Grafana's alerting shows it, coloured. */
export function RuleStateBadge({ state, health }: { state: string; health?: string }) {
  if (health === 'error') {
    return <Badge text="error" color="purple" icon="exclamation-circle" tooltip="The rule's query fails" />;
  }
  const color = state === 'firing' ? 'red' : state === 'pending' ? 'orange' : state === 'inactive' ? 'green' : 'blue';
  const text = state === 'inactive' ? 'normal' : state;
  return <Badge text={text} color={color} />;
}
