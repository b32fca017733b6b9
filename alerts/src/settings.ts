// The one thing a deployment may change when it generates the files: the network capacity assumed for NICs that
// do not report a link speed. (Grafana's address is not a setting: rule links follow it at run time, see
// rules/links.ts.)

export interface GenerationSettings {
  /**
   * Capacity, in Mbit/s, of network interfaces whose driver reports no link speed (`node_network_speed_bytes`
   * absent or -1, as on virtio and most cloud NICs). Interfaces that do report a speed use their own.
   */
  networkLinkCapacityMbits: number;
}

export const DEFAULT_SETTINGS: GenerationSettings = {
  networkLinkCapacityMbits: 1000,
};

/** Environment variables read at generation time (`npm run generate -w alerts`). */
export const SETTINGS_ENV = {
  networkLinkCapacityMbits: 'NETWORK_LINK_CAPACITY_MBITS',
} as const satisfies Record<keyof GenerationSettings, string>;

/** Checks settings and says exactly what is wrong, so a typo never reaches a generated file. */
export function validateSettings(settings: GenerationSettings): GenerationSettings {
  const capacity = settings.networkLinkCapacityMbits;
  if (!Number.isFinite(capacity) || capacity <= 0) {
    throw new Error(
      `${SETTINGS_ENV.networkLinkCapacityMbits} must be a positive number of Mbit/s (e.g. 1000 for 1 Gbit/s), got "${capacity}"`
    );
  }
  return { networkLinkCapacityMbits: capacity };
}

/** Settings from environment variables, defaults for what is unset or empty. */
export function settingsFromEnv(env: Record<string, string | undefined>): GenerationSettings {
  const capacity = env[SETTINGS_ENV.networkLinkCapacityMbits]?.trim();
  return validateSettings({
    networkLinkCapacityMbits: capacity ? Number(capacity) : DEFAULT_SETTINGS.networkLinkCapacityMbits,
  });
}
