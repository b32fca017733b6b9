// Saves the app's settings (plugin jsonData). Grafana hands plugin settings to pages at load time only, so the
// page reloads afterwards.
import { PLUGIN_IDS } from '@opentruss/contract';
import type { AppSettings } from '../settings';
import { grafanaRequest } from './grafana';

export async function saveAppSettings(options: {
  enabled: boolean;
  pinned: boolean;
  jsonData: AppSettings;
}): Promise<void> {
  await grafanaRequest({ method: 'POST', url: `/api/plugins/${PLUGIN_IDS.app}/settings`, data: options });
}

export function reloadPage(): void {
  window.location.reload();
}
