import {
  type DataQueryRequest,
  type DataQueryResponse,
  type DataSourceInstanceSettings,
  dateTime,
  type ScopedVars,
} from '@grafana/data';
import type { MemgraphQuery } from '@opentruss/contract';
import { lastValueFrom } from 'rxjs';

import { DriverRegistry } from '../connection/driverRegistry';
import type { MemgraphSettings } from '../connection/settings';
import { DataSource } from '../datasource';
import { templateSrvVariables } from '../query/variables';
import { fakeTemplateSrv, type FakeVariable } from './templateSrv';

let uids = 0;

export function instanceSettings(jsonData: MemgraphSettings, uid = `memgraph-${++uids}`) {
  return {
    id: uids,
    uid,
    type: 'opentruss-memgraph-datasource',
    name: 'Memgraph',
    access: 'direct',
    readOnly: false,
    jsonData,
    meta: { id: 'opentruss-memgraph-datasource', name: 'Memgraph', type: 'datasource', info: {} },
  } as unknown as DataSourceInstanceSettings<MemgraphSettings>;
}

/** A DataSource as Grafana builds it, with its own driver registry and dashboard variables. */
export function dataSource(
  jsonData: MemgraphSettings,
  options: { registry: DriverRegistry; variables?: FakeVariable[]; uid?: string }
): DataSource {
  const templateSrv = fakeTemplateSrv(options.variables ?? []);
  return new DataSource(instanceSettings(jsonData, options.uid), options.registry, (scopedVars) =>
    templateSrvVariables(templateSrv, scopedVars)
  );
}

export const RANGE = { fromMs: Date.UTC(2024, 4, 1), toMs: Date.UTC(2024, 4, 8) };

export function queryRequest(
  targets: Array<Partial<MemgraphQuery>>,
  options: { fromMs?: number; toMs?: number; intervalMs?: number; scopedVars?: ScopedVars } = {}
): DataQueryRequest<MemgraphQuery> {
  const from = dateTime(options.fromMs ?? RANGE.fromMs);
  const to = dateTime(options.toMs ?? RANGE.toMs);
  return {
    requestId: 'test',
    interval: '1m',
    intervalMs: options.intervalMs ?? 60_000,
    range: { from, to, raw: { from, to } },
    scopedVars: options.scopedVars ?? {},
    targets: targets.map((t, i) => ({ refId: String.fromCharCode(65 + i), cypher: '', ...t })),
    timezone: 'utc',
    app: 'dashboard',
    startTime: Date.now(),
  };
}

export function runQuery(
  ds: DataSource,
  targets: Array<Partial<MemgraphQuery>>,
  options?: Parameters<typeof queryRequest>[1]
): Promise<DataQueryResponse> {
  return lastValueFrom(ds.query(queryRequest(targets, options)));
}
