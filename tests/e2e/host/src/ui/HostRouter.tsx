// React Router v6 (the react-router-dom-v5-compat package Grafana shares as `react-router`) driven by
// @grafana/runtime's locationService history — what Grafana's CompatRouter does over its history v4 object.
import { locationService, LocationServiceProvider } from '@grafana/runtime';
import React, { useLayoutEffect, useState, type ReactNode } from 'react';
import { Router, type Location, type Navigator } from 'react-router-dom-v5-compat';

type HistoryAction = 'POP' | 'PUSH' | 'REPLACE';

export function HostRouter({ children }: { children: ReactNode }) {
  const history = locationService.getHistory();
  const [state, setState] = useState({ location: history.location, action: history.action as HistoryAction });
  useLayoutEffect(
    () =>
      history.listen((location: Location, action: string) => setState({ location, action: action as HistoryAction })),
    [history]
  );
  return (
    <LocationServiceProvider service={locationService}>
      <Router
        location={state.location}
        navigationType={state.action as never}
        navigator={history as unknown as Navigator}
      >
        {children}
      </Router>
    </LocationServiceProvider>
  );
}

/** Grafana turns clicks on local links into history pushes instead of page loads (core's interceptLinkClicks). */
export function interceptLinkClicks(): void {
  document.addEventListener('click', (event) => {
    const anchor = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
    if (!anchor || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) {
      return;
    }
    const url = new URL(anchor.href, document.baseURI);
    if (url.origin !== window.location.origin || (anchor.target && anchor.target !== '_self')) {
      return;
    }
    event.preventDefault();
    locationService.push(url.pathname + url.search + url.hash);
  });
}
