// Grafana's BackendSrv contract over the browser's fetch: every backend call a plugin makes goes over HTTP to the
// test host's canned Grafana API. Failures reject with a FetchError ({ status, statusText, data }) like Grafana's.
import type { BackendSrv, BackendSrvRequest, FetchError, FetchResponse } from '@grafana/runtime';
import { lastValueFrom, Observable } from 'rxjs';

function urlOf(options: BackendSrvRequest): string {
  const url = new URL(options.url, document.baseURI);
  for (const [key, value] of Object.entries(options.params ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null) {
        url.searchParams.append(key, String(item));
      }
    }
  }
  return url.toString();
}

async function parse(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) {
    return undefined;
  }
  return (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
}

function fetchObservable<T>(options: BackendSrvRequest): Observable<FetchResponse<T>> {
  return new Observable<FetchResponse<T>>((subscriber) => {
    const abort = new AbortController();
    const hasBody = options.data !== undefined && !['GET', 'HEAD'].includes((options.method ?? 'GET').toUpperCase());
    fetch(urlOf(options), {
      method: options.method ?? 'GET',
      headers: { ...(hasBody ? { 'Content-Type': 'application/json' } : {}), ...options.headers },
      body: hasBody ? JSON.stringify(options.data) : undefined,
      signal: abort.signal,
    })
      .then(async (response) => {
        const data = (await parse(response)) as T;
        const answer = {
          data,
          status: response.status,
          statusText: response.statusText,
          ok: response.ok,
          headers: response.headers,
          url: response.url,
          type: response.type,
          redirected: response.redirected,
          config: options,
        } as FetchResponse<T>;
        if (!response.ok) {
          const error: FetchError = { status: response.status, statusText: response.statusText, data, config: options };
          subscriber.error(error);
          return;
        }
        subscriber.next(answer);
        subscriber.complete();
      })
      .catch((error: unknown) => {
        if (!abort.signal.aborted) {
          subscriber.error({ status: 0, statusText: String(error), data: { message: String(error) }, config: options });
        }
      });
    return () => abort.abort();
  });
}

const request = async <T>(options: BackendSrvRequest): Promise<T> =>
  (await lastValueFrom(fetchObservable<T>(options))).data;

export const backendSrv = {
  fetch: fetchObservable,
  request,
  datasourceRequest: <T>(options: BackendSrvRequest) => lastValueFrom(fetchObservable<T>(options)),
  get: <T>(url: string, params?: BackendSrvRequest['params']) => request<T>({ url, params }),
  delete: <T>(url: string, data?: unknown) => request<T>({ url, method: 'DELETE', data }),
  post: <T>(url: string, data?: unknown) => request<T>({ url, method: 'POST', data }),
  patch: <T>(url: string, data?: unknown) => request<T>({ url, method: 'PATCH', data }),
  put: <T>(url: string, data?: unknown) => request<T>({ url, method: 'PUT', data }),
  resolveCancelerIfExists: () => undefined,
} as unknown as BackendSrv;
