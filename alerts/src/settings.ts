// The two things a deployment may change when it generates the files: where Grafana lives (runbook links are
// absolute) and the network capacity assumed for NICs that do not report a link speed.
import { DEFAULT_GRAFANA_ROOT_URL } from '@opentruss/contract';

export interface GenerationSettings {
  /** Grafana's public root URL; `runbook_url` and `dashboard_url` annotations start with it. */
  grafanaRootUrl: string;
  /**
   * Capacity, in Mbit/s, of network interfaces whose driver reports no link speed (`node_network_speed_bytes`
   * absent or -1, as on virtio and most cloud NICs). Interfaces that do report a speed use their own.
   */
  networkLinkCapacityMbits: number;
}

export const DEFAULT_SETTINGS: GenerationSettings = {
  grafanaRootUrl: DEFAULT_GRAFANA_ROOT_URL,
  networkLinkCapacityMbits: 1000,
};

/** Environment variables read at generation time (`npm run generate -w alerts`). */
export const SETTINGS_ENV = {
  grafanaRootUrl: 'GRAFANA_ROOT_URL',
  networkLinkCapacityMbits: 'NETWORK_LINK_CAPACITY_MBITS',
} as const satisfies Record<keyof GenerationSettings, string>;

/** Checks settings and says exactly what is wrong, so a typo never reaches a generated file. */
export function validateSettings(settings: GenerationSettings): GenerationSettings {
  let url: URL;
  try {
    url = new URL(settings.grafanaRootUrl);
  } catch {
    throw new Error(
      `${SETTINGS_ENV.grafanaRootUrl} must be an absolute http(s) URL such as https://grafana.example.com, got "${settings.grafanaRootUrl}"`
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${SETTINGS_ENV.grafanaRootUrl} must use http or https, got "${settings.grafanaRootUrl}"`);
  }
  if (url.search || url.hash) {
    throw new Error(
      `${SETTINGS_ENV.grafanaRootUrl} must not carry a query or fragment, got "${settings.grafanaRootUrl}"`
    );
  }
  const capacity = settings.networkLinkCapacityMbits;
  if (!Number.isFinite(capacity) || capacity <= 0) {
    throw new Error(
      `${SETTINGS_ENV.networkLinkCapacityMbits} must be a positive number of Mbit/s (e.g. 1000 for 1 Gbit/s), got "${capacity}"`
    );
  }
  return { grafanaRootUrl: settings.grafanaRootUrl.replace(/\/+$/, ''), networkLinkCapacityMbits: capacity };
}

/** Settings from environment variables, defaults for what is unset or empty. */
export function settingsFromEnv(env: Record<string, string | undefined>): GenerationSettings {
  const rootUrl = env[SETTINGS_ENV.grafanaRootUrl]?.trim();
  const capacity = env[SETTINGS_ENV.networkLinkCapacityMbits]?.trim();
  return validateSettings({
    grafanaRootUrl: rootUrl || DEFAULT_SETTINGS.grafanaRootUrl,
    networkLinkCapacityMbits: capacity ? Number(capacity) : DEFAULT_SETTINGS.networkLinkCapacityMbits,
  });
}
