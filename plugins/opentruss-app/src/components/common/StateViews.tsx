// Loading, error and empty states, the same on every page.
import { Trans } from '@grafana/i18n';
import React from 'react';
import { Alert, Button, EmptyState, LoadingPlaceholder } from '@grafana/ui';

export function Loading({ text }: { text: string }) {
  return <LoadingPlaceholder text={text} />;
}

export function ErrorView({ title, error, onRetry }: { title: string; error: Error; onRetry?: () => void }) {
  return (
    <Alert severity="error" title={title}>
      <div>{error.message}</div>
      {onRetry && (
        <Button size="sm" variant="secondary" icon="sync" onClick={onRetry} style={{ marginTop: 8 }}>
          <Trans i18nKey="common.retry">Retry</Trans>
        </Button>
      )}
    </Alert>
  );
}

export function Empty({ message, children }: { message: string; children?: React.ReactNode }) {
  return (
    <EmptyState variant="completed" message={message}>
      {children}
    </EmptyState>
  );
}
