import React from 'react';
import { Alert, Button, type IconName } from '@grafana/ui';
import type { ActionState } from '../../hooks/useAction';

interface Props<T> {
  action: ActionState<T> & { run: () => void };
  label: string;
  icon: IconName;
  testId: string;
  errorTitle: string;
  /** What to show once the action succeeded (nothing when it reloads the page). */
  success?: (value: T) => React.ReactNode;
  disabled?: boolean;
}

/** A configuration action's button (disabled with a spinner while it runs), then its error or its result. */
export function ActionControls<T>({ action, label, icon, testId, errorTitle, success, disabled = false }: Props<T>) {
  return (
    <>
      {action.status === 'error' && (
        <Alert severity="error" title={errorTitle}>
          {action.error.message}
        </Alert>
      )}
      {action.status === 'done' && success?.(action.value)}
      <Button
        data-testid={testId}
        disabled={disabled || action.status === 'running'}
        icon={action.status === 'running' ? 'spinner' : icon}
        onClick={action.run}
      >
        {label}
      </Button>
    </>
  );
}
