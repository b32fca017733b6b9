import { datasourceUrlParams, resolveAppSettings } from './settings';

describe('app settings', () => {
  it('default to the provisioned datasources', () => {
    expect(resolveAppSettings(undefined)).toEqual({
      memgraphDatasourceUid: 'opentruss-memgraph',
      prometheusDatasourceUid: 'opentruss-prometheus',
      lokiDatasourceUid: 'opentruss-loki',
    });
    expect(resolveAppSettings({ memgraphDatasourceUid: '  ' })).toEqual(
      resolveAppSettings({})
    );
  });

  it('pass only the datasources that differ from the dashboards’ defaults to dashboard links', () => {
    expect(datasourceUrlParams(resolveAppSettings({}))).toEqual([]);
    expect(
      datasourceUrlParams(
        resolveAppSettings({ memgraphDatasourceUid: 'mg-2', prometheusDatasourceUid: 'opentruss-prometheus' })
      )
    ).toEqual([['var-memgraph', 'mg-2']]);
    expect(datasourceUrlParams(resolveAppSettings({ lokiDatasourceUid: 'logs-2' }))).toEqual([['var-loki', 'logs-2']]);
  });
});
