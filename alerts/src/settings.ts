// What a deployment may change when it generates the files: the network capacity assumed for NICs that do not
// report a link speed, and the business alerts' thresholds. (Grafana's address is not a setting: rule links
// follow it at run time, see rules/links.ts.)
import { BUSINESS_SETTINGS, DEFAULT_BUSINESS_THRESHOLDS, type BusinessThresholds } from './business-thresholds';

export interface GenerationSettings {
  /**
   * Capacity, in Mbit/s, of network interfaces whose driver reports no link speed (`node_network_speed_bytes`
   * absent or -1, as on virtio and most cloud NICs). Interfaces that do report a speed use their own.
   */
  networkLinkCapacityMbits: number;
  /** Thresholds of the business alerts (the ops manual sets none; see business-thresholds.ts for the defaults). */
  business: BusinessThresholds;
}

export const DEFAULT_SETTINGS: GenerationSettings = {
  networkLinkCapacityMbits: 1000,
  business: DEFAULT_BUSINESS_THRESHOLDS,
};

/** Environment variables read at generation time (`npm run generate -w alerts`). */
export const SETTINGS_ENV = {
  networkLinkCapacityMbits: 'NETWORK_LINK_CAPACITY_MBITS',
  business: 'BUSINESS_*',
} as const satisfies Record<keyof GenerationSettings, string>;

/** Checks settings and says exactly what is wrong, so a typo never reaches a generated file. */
export function validateSettings(settings: GenerationSettings): GenerationSettings {
  const capacity = settings.networkLinkCapacityMbits;
  if (!Number.isFinite(capacity) || capacity <= 0) {
    throw new Error(
      `${SETTINGS_ENV.networkLinkCapacityMbits} must be a positive number of Mbit/s (e.g. 1000 for 1 Gbit/s), got "${capacity}"`
    );
  }
  for (const key of Object.keys(BUSINESS_SETTINGS) as Array<keyof BusinessThresholds>) {
    const { env, min, meaning } = BUSINESS_SETTINGS[key];
    const value = settings.business[key];
    if (!Number.isFinite(value) || value < min) {
      throw new Error(`${env} must be a number ≥ ${min} (${meaning}), got "${value}"`);
    }
  }
  return { networkLinkCapacityMbits: capacity, business: { ...settings.business } };
}

/** Settings from environment variables, defaults for what is unset or empty. */
export function settingsFromEnv(env: Record<string, string | undefined>): GenerationSettings {
  const capacity = env[SETTINGS_ENV.networkLinkCapacityMbits]?.trim();
  const business = { ...DEFAULT_BUSINESS_THRESHOLDS };
  for (const key of Object.keys(BUSINESS_SETTINGS) as Array<keyof BusinessThresholds>) {
    const text = env[BUSINESS_SETTINGS[key].env]?.trim();
    if (text) {
      business[key] = Number(text);
    }
  }
  return validateSettings({
    networkLinkCapacityMbits: capacity ? Number(capacity) : DEFAULT_SETTINGS.networkLinkCapacityMbits,
    business,
  });
}
