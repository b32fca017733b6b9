// Where a datasource's editors render outside any app page, as in Grafana's datasource settings and panel editor:
// the ConfigEditor with "Save & test"; the QueryEditor, variable editor or annotation editor over a panel whose
// runs the FramesView shows.
import {
  type DataQuery,
  type DataSourceApi,
  type DataSourceInstanceSettings,
  type DataSourceSettings,
} from '@grafana/data';
import { config } from '@grafana/runtime';
import { Alert, Button, LoadingPlaceholder, Stack, Tag, Text } from '@grafana/ui';
import React, {
  createElement,
  useCallback,
  useEffect,
  useState,
  useSyncExternalStore,
  type ComponentType,
} from 'react';

import { panelRunner } from '../api/panelRunner';
import { variableOptions } from '../api/variableOptions';
import type { HealthResult, WorkbenchView } from '../api/types';
import { dataSourceSrv } from '../services/dataSourceSrv';
import { FramesView } from './FramesView';
import { useAsyncValue } from './useAsyncValue';

export const WORKBENCH_PANEL = 'workbench';

/** What the tests read back: the editor's latest query and how often it asked to run. */
export const workbenchState: { query?: DataQuery; runRequests: number } = { runRequests: 0 };

type EditorProps = {
  datasource: DataSourceApi;
  query: DataQuery;
  onChange: (query: DataQuery) => void;
  onRunQuery: () => void;
  data?: unknown;
};

function editorOf(
  datasource: DataSourceApi,
  kind: 'query' | 'variable' | 'annotation'
): ComponentType<EditorProps> | undefined {
  const editor = {
    query: datasource.components?.QueryEditor,
    variable: (datasource.variables as { editor?: unknown } | undefined)?.editor,
    annotation: datasource.annotations?.QueryEditor,
  }[kind];
  return editor as ComponentType<EditorProps> | undefined;
}

function QueryWorkbench({ view }: { view: Extract<WorkbenchView, { query: DataQuery }> }) {
  const datasource = useAsyncValue(() => dataSourceSrv.get(view.datasourceUid), view.datasourceUid);
  const [query, setQuery] = useState(view.query);
  const data = useSyncExternalStore(
    (listener) => panelRunner.subscribe(listener),
    () => panelRunner.data(WORKBENCH_PANEL)
  );
  useEffect(() => {
    workbenchState.query = view.query;
    workbenchState.runRequests = 0;
  }, [view]);
  const onChange = useCallback((next: DataQuery) => {
    workbenchState.query = next;
    setQuery(next);
  }, []);
  const onRunQuery = useCallback(() => {
    workbenchState.runRequests++;
    if (view.kind === 'query') {
      // The query as last changed: Grafana runs what the editor reported, even within the same render.
      void panelRunner.run(WORKBENCH_PANEL, {
        datasourceUid: view.datasourceUid,
        targets: [workbenchState.query ?? view.query],
        range: view.range,
      });
    }
  }, [view]);

  if (datasource.status !== 'done') {
    return datasource.status === 'loading' ? (
      <LoadingPlaceholder text="Loading datasource…" />
    ) : (
      <Alert title={datasource.error.message} />
    );
  }
  const Editor = editorOf(datasource.value, view.kind);
  if (!Editor) {
    return <Alert title={`The datasource has no ${view.kind} editor`} />;
  }
  return (
    <Stack direction="column" gap={2}>
      {createElement(Editor, { datasource: datasource.value, query, onChange, onRunQuery, data })}
      {view.kind === 'query' && <FramesView data={data} />}
      {view.kind === 'variable' && <VariablePreview datasource={datasource.value} query={query} />}
    </Stack>
  );
}

/** Grafana's "Preview of values" under a query variable's editor. */
function VariablePreview({ datasource, query }: { datasource: DataSourceApi; query: DataQuery }) {
  const options = useAsyncValue(() => variableOptions(datasource, query), JSON.stringify(query));
  return (
    <div data-testid="e2e-variable-preview">
      <Text variant="h6">Preview of values</Text>
      {options.status === 'error' && <Alert severity="error" title={options.error.message} />}
      {options.status === 'done' && (
        <Stack gap={1} wrap="wrap">
          {options.value.map((option) => (
            <Tag key={option.value} name={option.text} />
          ))}
        </Stack>
      )}
    </div>
  );
}

function toSettings(instance: DataSourceInstanceSettings): DataSourceSettings {
  return {
    id: instance.id ?? 0,
    uid: instance.uid,
    orgId: 1,
    name: instance.name,
    type: instance.type,
    typeName: instance.meta.name,
    typeLogoUrl: instance.meta.info.logos.small,
    access: instance.access,
    url: instance.url ?? '',
    user: '',
    database: '',
    basicAuth: false,
    basicAuthUser: '',
    isDefault: Boolean(instance.isDefault),
    jsonData: instance.jsonData,
    secureJsonFields: {},
    readOnly: false,
    withCredentials: false,
  };
}

function ConfigWorkbench({ datasourceUid }: { datasourceUid: string }) {
  const datasource = useAsyncValue(() => dataSourceSrv.get(datasourceUid), datasourceUid);
  const instance = dataSourceSrv.getInstanceSettings(datasourceUid);
  const [options, setOptions] = useState(() => instance && toSettings(instance));
  const [test, setTest] = useState<{ running: boolean; result?: HealthResult }>({ running: false });

  if (!instance || !options) {
    return <Alert title={`No datasource ${datasourceUid}`} />;
  }
  if (datasource.status !== 'done') {
    return datasource.status === 'loading' ? (
      <LoadingPlaceholder text="Loading datasource…" />
    ) : (
      <Alert title={datasource.error.message} />
    );
  }
  const ConfigEditor = datasource.value.components?.ConfigEditor;
  // Grafana's "Save & test": store the settings, rebuild the instance, run its health check.
  const saveAndTest = async () => {
    setTest({ running: true });
    config.datasources[instance.name] = { ...instance, jsonData: options.jsonData };
    await dataSourceSrv.reload();
    try {
      const result = (await (await dataSourceSrv.get(datasourceUid)).testDatasource()) as HealthResult;
      setTest({ running: false, result });
    } catch (error) {
      setTest({
        running: false,
        result: { status: 'error', message: error instanceof Error ? error.message : String(error) },
      });
    }
  };
  return (
    <Stack direction="column" gap={2}>
      {ConfigEditor ? (
        createElement(ConfigEditor, { options, onOptionsChange: setOptions })
      ) : (
        <Alert title="No ConfigEditor" />
      )}
      <Stack>
        <Button onClick={saveAndTest} disabled={test.running} data-testid="e2e-save-and-test">
          {test.running ? 'Testing…' : 'Save & test'}
        </Button>
      </Stack>
      {test.result && (
        <div data-testid="e2e-save-and-test-result" data-status={test.result.status}>
          <Alert
            severity={
              test.result.status === 'error' ? 'error' : test.result.status === 'warning' ? 'warning' : 'success'
            }
            title={test.result.message}
          />
        </div>
      )}
    </Stack>
  );
}

function PanelsWorkbench({ panels }: { panels: Array<{ key: string; title: string }> }) {
  const data = useSyncExternalStore(
    (listener) => panelRunner.subscribe(listener),
    () => panelRunner.snapshot()
  );
  return (
    <Stack direction="column" gap={3}>
      {panels.map((panel) => (
        <section key={panel.key} aria-label={panel.title} data-testid={`e2e-panel-${panel.key}`}>
          <Text variant="h5">{panel.title}</Text>
          <FramesView data={data.get(panel.key)} />
        </section>
      ))}
    </Stack>
  );
}

let currentView: WorkbenchView | undefined;
const viewListeners = new Set<() => void>();

export function showView(view: WorkbenchView): void {
  currentView = view;
  viewListeners.forEach((listener) => listener());
}

export function Workbench() {
  const view = useSyncExternalStore(
    (listener) => {
      viewListeners.add(listener);
      return () => viewListeners.delete(listener);
    },
    () => currentView
  );
  return (
    <div data-testid="e2e-workbench" style={{ padding: 24, maxWidth: 1100 }}>
      {!view ? null : view.kind === 'config' ? (
        <ConfigWorkbench key={JSON.stringify(view)} datasourceUid={view.datasourceUid} />
      ) : view.kind === 'panels' ? (
        <PanelsWorkbench panels={view.panels} />
      ) : (
        <QueryWorkbench key={JSON.stringify(view)} view={view} />
      )}
    </div>
  );
}
