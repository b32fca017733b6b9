// The one way the app talks to Grafana's HTTP API: getBackendSrv().fetch, no automatic toasts (each page shows
// its own error where it happened), and errors that say which call failed and why.
import { t } from '@grafana/i18n';
import { getBackendSrv, isFetchError } from '@grafana/runtime';
import { PLAIN_TEXT } from '@opentruss/contract';
import { lastValueFrom } from 'rxjs';

export interface GrafanaRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  params?: Record<string, string | number>;
  data?: unknown;
  headers?: Record<string, string>;
}

export class GrafanaApiError extends Error {
  constructor(
    message: string,
    readonly status?: number
  ) {
    super(message);
    this.name = 'GrafanaApiError';
  }
}

function messageOf(data: unknown): string | undefined {
  if (typeof data === 'string' && data.trim()) {
    return data.trim();
  }
  if (data && typeof data === 'object') {
    const { message, error } = data as { message?: unknown; error?: unknown };
    if (typeof message === 'string' && message) {
      return message;
    }
    if (typeof error === 'string' && error) {
      return error;
    }
  }
  return undefined;
}

export function describeRequestError(request: GrafanaRequest, error: unknown): GrafanaApiError {
  const call = `${request.method ?? 'GET'} ${request.url}`;
  if (isFetchError(error)) {
    const detail = messageOf(error.data) ?? error.statusText ?? t('grafana-api.no-details', 'no details');
    return new GrafanaApiError(
      error.status
        ? t('grafana-api.failed-status', '{{call}} failed (HTTP {{status}}): {{detail}}', {
            call,
            status: error.status,
            detail,
            ...PLAIN_TEXT,
          })
        : t('grafana-api.failed', '{{call}} failed: {{detail}}', { call, detail, ...PLAIN_TEXT }),
      error.status
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new GrafanaApiError(t('grafana-api.failed', '{{call}} failed: {{detail}}', { call, detail, ...PLAIN_TEXT }));
}

export async function grafanaRequest<T>(request: GrafanaRequest): Promise<T> {
  try {
    const response = await lastValueFrom(
      getBackendSrv().fetch<T>({ method: 'GET', ...request, showErrorAlert: false, showSuccessAlert: false })
    );
    return response.data;
  } catch (error) {
    throw describeRequestError(request, error);
  }
}

/** Rejects with `message` when `promise` has not settled after `ms` (nothing on a page may spin forever). */
export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
