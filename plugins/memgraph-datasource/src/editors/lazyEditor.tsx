import { t } from '@grafana/i18n';
import { LoadingPlaceholder } from '@grafana/ui';
import React, { type ComponentType, createElement, lazy, Suspense } from 'react';

/**
 * An editor component whose code loads on first render, so a dashboard that only shows panels never downloads the
 * editors (webpack puts each dynamic import in its own chunk next to module.js).
 */
export function lazyEditor<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(async () => ({ default: await load() })) as unknown as ComponentType<P>;
  function LazyEditor(props: P) {
    return (
      <Suspense fallback={<LoadingPlaceholder text={t('editor.loading', 'Loading editor…')} />}>
        {createElement(Lazy, props)}
      </Suspense>
    );
  }
  return LazyEditor;
}
