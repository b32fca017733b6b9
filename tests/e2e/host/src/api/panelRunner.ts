// Panels' queries as Grafana's PanelQueryRunner runs them: a DataQueryRequest with the time range and interval,
// one subscription per panel, and a new run of a panel unsubscribes the one before (refresh, time change).
import {
  CoreApp,
  dateTime,
  type DataQueryRequest,
  type DataQueryResponse,
  type PanelData,
  LoadingState,
} from '@grafana/data';
import { from, type Subscription } from 'rxjs';

import { dataSourceSrv } from '../services/dataSourceSrv';
import { serializeResponse } from './serialize';
import type { PanelRequest, SerializedResponse } from './types';

const SIX_HOURS_MS = 6 * 3600_000;
let requestCount = 0;

interface PanelState {
  run: number;
  subscription?: Subscription;
  result?: SerializedResponse;
  data?: PanelData;
}

type Listener = () => void;

export function dataQueryRequest(request: PanelRequest): DataQueryRequest {
  const to = request.range?.to ?? Date.now();
  const from = request.range?.from ?? to - SIX_HOURS_MS;
  const range = { from: dateTime(from), to: dateTime(to), raw: { from: dateTime(from), to: dateTime(to) } };
  const intervalMs = request.intervalMs ?? 60_000;
  requestCount++;
  return {
    app: CoreApp.Dashboard,
    requestId: `e2e-${requestCount}`,
    timezone: 'utc',
    range,
    interval: `${Math.round(intervalMs / 1000)}s`,
    intervalMs,
    maxDataPoints: 1000,
    targets: request.targets,
    scopedVars: request.scopedVars ?? {},
    startTime: Date.now(),
  };
}

class PanelRunner {
  private readonly panels = new Map<string, PanelState>();
  private readonly listeners = new Set<Listener>();
  private dataSnapshot: ReadonlyMap<string, PanelData | undefined> = new Map();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  data(panelKey: string): PanelData | undefined {
    return this.panels.get(panelKey)?.data;
  }

  /** Every panel's data; a new map after each change (for React's useSyncExternalStore). */
  snapshot(): ReadonlyMap<string, PanelData | undefined> {
    return this.dataSnapshot;
  }

  result(panelKey: string): SerializedResponse | undefined {
    return this.panels.get(panelKey)?.result;
  }

  run(panelKey: string, request: PanelRequest): Promise<SerializedResponse> {
    const panel = this.panels.get(panelKey) ?? { run: 0 };
    this.panels.set(panelKey, panel);
    panel.subscription?.unsubscribe();
    panel.subscription = undefined;
    const run = ++panel.run;
    panel.result = undefined;
    const query = dataQueryRequest(request);
    const current = () => panel.run === run;
    panel.data = { state: LoadingState.Loading, series: panel.data?.series ?? [], timeRange: query.range };
    this.notify();

    return new Promise<SerializedResponse>((resolve) => {
      let last: DataQueryResponse | undefined;
      const finish = (result: SerializedResponse, data: PanelData) => {
        if (current()) {
          panel.result = result;
          panel.data = data;
          panel.subscription = undefined;
          this.notify();
        }
        resolve(result);
      };
      dataSourceSrv.get(request.datasourceUid).then(
        (datasource) => {
          if (!current()) {
            resolve(serializeResponse(undefined, 'Cancelled'));
            return;
          }
          const subscription = from(datasource.query(query)).subscribe({
            next: (response) => {
              last = response;
            },
            error: (error: unknown) => {
              const message = error instanceof Error ? error.message : JSON.stringify(error);
              finish(
                { state: 'Error', frames: [], errors: [{ message }] },
                { state: LoadingState.Error, series: [], timeRange: query.range, errors: [{ message }] }
              );
            },
            complete: () => {
              const result = serializeResponse(last, 'Done');
              finish(result, {
                state: result.state === 'Error' ? LoadingState.Error : LoadingState.Done,
                series: last?.data ?? [],
                errors: last?.errors,
                timeRange: query.range,
              });
            },
          });
          // Unsubscribing (a newer run) is how Grafana cancels: the promise then settles as Cancelled.
          subscription.add(() => {
            if (!current()) {
              resolve(serializeResponse(last, 'Cancelled'));
            }
          });
          if (current() && !subscription.closed) {
            panel.subscription = subscription;
          }
        },
        (error: Error) =>
          finish(
            { state: 'Error', frames: [], errors: [{ message: error.message }] },
            { state: LoadingState.Error, series: [], timeRange: query.range, errors: [{ message: error.message }] }
          )
      );
    });
  }

  private notify(): void {
    this.dataSnapshot = new Map([...this.panels].map(([key, panel]) => [key, panel.data]));
    this.listeners.forEach((listener) => listener());
  }
}

export const panelRunner = new PanelRunner();
