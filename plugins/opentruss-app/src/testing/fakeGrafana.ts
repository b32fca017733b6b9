// Grafana's services faked at their boundary for page tests, installed the way Grafana installs the real ones
// (setBackendSrv / setDataSourceSrv): every HTTP call goes through a route table and is recorded; datasources
// have settings and a testDatasource answer. An unrouted call fails loudly with HTTP 404.
import type { DataSourceInstanceSettings, TestDataSourceResponse } from '@grafana/data';
import {
  setBackendSrv,
  setDataSourceSrv,
  type BackendSrv,
  type BackendSrvRequest,
  type DataSourceSrv,
  type FetchResponse,
} from '@grafana/runtime';
import { defer, from, mergeMap, NEVER, type Observable } from 'rxjs';

export interface RecordedCall {
  method: string;
  url: string;
  params?: Record<string, unknown>;
  data?: unknown;
  headers?: Record<string, string>;
}

type Handler = (call: RecordedCall) => unknown | Promise<unknown>;

/** What Grafana's fetch rejects with: `status`, `data` ({ message }), `statusText`. */
export function httpError(status: number, message: string) {
  return { status, statusText: `HTTP ${status}`, data: { message }, config: {} };
}

export class FakeBackend {
  readonly calls: RecordedCall[] = [];
  private readonly routes = new Map<string, Handler>();
  private readonly hanging = new Set<string>();

  /** Answers `method url` with `handler(call)`'s value, or rejects with what it throws. */
  on(method: string, url: string, handler: Handler): this {
    this.routes.set(`${method} ${url}`, handler);
    this.hanging.delete(`${method} ${url}`);
    return this;
  }

  reply(method: string, url: string, data: unknown): this {
    return this.on(method, url, () => data);
  }

  fail(method: string, url: string, status: number, message: string): this {
    return this.on(method, url, () => {
      throw httpError(status, message);
    });
  }

  /** Never answers (a loading state stays visible). */
  hang(method: string, url: string): this {
    this.routes.delete(`${method} ${url}`);
    this.hanging.add(`${method} ${url}`);
    return this;
  }

  callsTo(method: string, url: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method && call.url === url);
  }

  fetch<T>(options: BackendSrvRequest): Observable<FetchResponse<T>> {
    const call: RecordedCall = {
      method: (options.method ?? 'GET').toUpperCase(),
      url: options.url,
      params: options.params,
      data: options.data,
      headers: options.headers,
    };
    this.calls.push(call);
    const key = `${call.method} ${call.url}`;
    if (this.hanging.has(key)) {
      return NEVER;
    }
    const handler = this.routes.get(key);
    return defer(() =>
      from(
        Promise.resolve().then(() =>
          handler ? handler(call) : Promise.reject(httpError(404, `no fake route for ${key}`))
        )
      )
    ).pipe(
      mergeMap(
        async (data) => ({ data: data as T, status: 200, statusText: 'OK', ok: true }) as unknown as FetchResponse<T>
      )
    );
  }

  install(): this {
    setBackendSrv({ fetch: this.fetch.bind(this) } as unknown as BackendSrv);
    return this;
  }
}

export interface FakeDatasource {
  uid: string;
  name: string;
  type: string;
  /** What its "Save & test" answers (or throws); default: success. */
  test?: () => Promise<TestDataSourceResponse>;
}

function instanceSettings(ds: FakeDatasource): DataSourceInstanceSettings {
  return {
    id: 1,
    uid: ds.uid,
    name: ds.name,
    type: ds.type,
    access: 'proxy',
    readOnly: false,
    jsonData: {},
    meta: { id: ds.type, name: ds.type, type: 'datasource', info: { logos: { small: '', large: '' } } },
  } as unknown as DataSourceInstanceSettings;
}

export function installDatasources(datasources: FakeDatasource[]): void {
  const find = (ref: unknown) => {
    const key = typeof ref === 'string' ? ref : (ref as { uid?: string } | null)?.uid;
    return datasources.find((ds) => ds.uid === key || ds.name === key);
  };
  const srv = {
    getInstanceSettings: (ref: unknown) => {
      const ds = find(ref);
      return ds && instanceSettings(ds);
    },
    getList: (filters: { pluginId?: string } = {}) =>
      datasources.filter((ds) => !filters.pluginId || ds.type === filters.pluginId).map(instanceSettings),
    get: async (ref: unknown) => {
      const ds = find(ref);
      if (!ds) {
        throw new Error(`Datasource ${String(ref)} was not found`);
      }
      return { testDatasource: ds.test ?? (async () => ({ status: 'success', message: 'Data source is working' })) };
    },
  };
  setDataSourceSrv(srv as unknown as DataSourceSrv);
}

/** The provisioned pair, answering their health checks. */
export const PROVISIONED_DATASOURCES: FakeDatasource[] = [
  { uid: 'opentruss-memgraph', name: 'Memgraph', type: 'opentruss-memgraph-datasource' },
  { uid: 'opentruss-prometheus', name: 'Prometheus', type: 'prometheus' },
];
