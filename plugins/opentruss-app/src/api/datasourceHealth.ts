// Is a configured datasource there, of the right type, and answering? Uses the datasource's own "Save & test"
// (testDatasource), so Memgraph is checked from the browser exactly as its panels connect.
import { t } from '@grafana/i18n';
import { getDataSourceSrv } from '@grafana/runtime';

import { PLAIN_TEXT } from '@opentruss/contract';
import { withTimeout } from './grafana';

export type DatasourceHealth =
  | { status: 'ok'; name: string; message: string }
  /** Connected, with something to fix (e.g. the Memgraph datasource's missing recommended indexes). */
  | { status: 'warning'; name: string; message: string }
  | { status: 'missing'; message: string }
  | { status: 'wrong-type'; name: string; message: string }
  | { status: 'error'; name: string; message: string };

/** A health check that has not answered by then counts as failed (the datasource has its own shorter timeouts). */
export const HEALTH_CHECK_TIMEOUT_MS = 30_000;

export async function checkDatasource(uid: string, expectedType: string): Promise<DatasourceHealth> {
  // The non-deprecated replacements live in @grafana/runtime/unstable, which Grafana reserves for core plugins and
  // which Grafana 12.3 (the oldest version this app supports) lacks.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const srv = getDataSourceSrv();
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const settings = srv.getInstanceSettings(uid);
  if (!settings) {
    return {
      status: 'missing',
      message: t(
        'datasource-health.missing',
        'No datasource with uid "{{uid}}": provision it or choose another on the Configuration page.',
        { uid, ...PLAIN_TEXT }
      ),
    };
  }
  if (settings.type !== expectedType) {
    return {
      status: 'wrong-type',
      name: settings.name,
      message: t(
        'datasource-health.wrong-type',
        '"{{name}}" is a {{type}} datasource, not {{expectedType}}: choose another on the Configuration page.',
        { name: settings.name, type: settings.type, expectedType, ...PLAIN_TEXT }
      ),
    };
  }
  try {
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    const datasource = await srv.get(uid);
    const result = await withTimeout(
      Promise.resolve(datasource.testDatasource()),
      HEALTH_CHECK_TIMEOUT_MS,
      t('datasource-health.timeout', 'no answer from the health check within {{seconds}} s', {
        ...PLAIN_TEXT,
        seconds: HEALTH_CHECK_TIMEOUT_MS / 1000,
      })
    );
    const message = typeof result?.message === 'string' ? result.message : '';
    if (result?.status === 'success' || result?.status === 'ok') {
      return { status: 'ok', name: settings.name, message: message || t('datasource-health.working', 'Working') };
    }
    if (result?.status === 'warning') {
      return { status: 'warning', name: settings.name, message };
    }
    return {
      status: 'error',
      name: settings.name,
      message:
        message ||
        t('datasource-health.unexpected-status', 'Health check returned "{{status}}"', {
          status: String(result?.status),
          ...PLAIN_TEXT,
        }),
    };
  } catch (error) {
    return { status: 'error', name: settings.name, message: error instanceof Error ? error.message : String(error) };
  }
}
