import { t } from '@grafana/i18n';
import { Alert } from '@grafana/ui';
import React from 'react';

import { websocketHint } from '../../connection/errors';
import type { Encryption } from '../../connection/settings';
import { TEST_IDS } from '../testIds';

/** Whether the browser will open `wss://` for this URL and setting on this page (https pages always do). */
function usesTls(url: string, encryption: Encryption, pageProtocol: string): boolean {
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
      <Alert
        severity="info"
        title={
          tls
            ? t('config.tls.wss-title', 'Browsers will connect with wss:// (TLS)')
            : t('config.tls.ws-title', 'Browsers will connect with ws:// (no TLS)')
        }
      >
        {tls
          ? t(
              'config.tls.wss-text',
              "The Bolt gateway serves this itself when given certificate files (the stack's tls profile: bolt://host:7688 or bolt+s://host:7688). Memgraph alone serves WebSocket only without TLS."
            )
          : t(
              'config.tls.ws-text',
              "The Bolt gateway (and Memgraph) accept this directly on their Bolt port. A Grafana served over https cannot use it (browsers forbid ws:// from https pages): then use the gateway's TLS port."
            )}{' '}
        {websocketHint()}
      </Alert>
    </div>
  );
}
