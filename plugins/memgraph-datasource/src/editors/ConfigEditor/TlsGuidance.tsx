import { Alert } from '@grafana/ui';
import React from 'react';

import { WEBSOCKET_HINT } from '../../connection/errors';
import type { Encryption } from '../../connection/settings';
import { TEST_IDS } from '../testIds';

/** Whether the browser will open `wss://` for this URL and setting on this page (https pages always do). */
export function usesTls(url: string, encryption: Encryption, pageProtocol: string): boolean {
  const scheme = /^([a-z0-9+]+):\/\//i.exec(url.trim())?.[1]?.toLowerCase() ?? 'bolt';
  if (encryption !== 'auto') {
    return encryption === 'on';
  }
  return scheme.endsWith('+s') || scheme === 'wss' || (pageProtocol === 'https:' && scheme !== 'ws');
}

/** WebSocket / TLS / CSP guidance for the URL and encryption as configured, on the page Grafana is served from. */
export function TlsGuidance({ url, encryption }: { url: string; encryption: Encryption }) {
  const tls = usesTls(url, encryption, window.location.protocol);
  return (
    <div data-testid={TEST_IDS.tlsGuidance}>
      <Alert severity="info" title={tls ? 'Browsers will connect with wss:// (TLS)' : 'Browsers will connect with ws:// (no TLS)'}>
        {tls
          ? 'Memgraph serves Bolt over WebSocket only without TLS, so put a TLS-terminating WebSocket proxy in front ' +
            'of it and set the URL to wss://proxy-host[:port]. '
          : 'Memgraph accepts this directly on its Bolt port. A Grafana served over https cannot use it (browsers ' +
            'forbid ws:// from https pages): then use a TLS proxy and wss://. '}
        {WEBSOCKET_HINT}
      </Alert>
    </div>
  );
}
