import { type DataFrame, FieldType, LoadingState, type PanelData, toDataFrame } from '@grafana/data';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { MemgraphQuery } from '@opentruss/contract';
import { QUERY_CATALOGUE } from '@opentruss/opentruss-graph/queries';
import * as monaco from 'monaco-editor';
import React from 'react';

import type { EditorServices } from './editorServices';
import { rowCapNotice } from '../frames/resultToFrames';
import { SchemaCache } from '../schema/schemaCache';
import { useLanguage } from '../testing/language';
import { installMonacoDomShims } from '../testing/monacoDom';
import { AnnotationQueryEditor } from './AnnotationQueryEditor/AnnotationQueryEditor';
import { ConfigEditor } from './ConfigEditor/ConfigEditor';
import { MARKER_OWNER } from './cypher/monacoCypher';
import { QueryEditor } from './QueryEditor/QueryEditor';
import { TEST_IDS } from './testIds';
import { VariableQueryEditor } from './VariableQueryEditor/VariableQueryEditor';

jest.setTimeout(20_000);
beforeAll(installMonacoDomShims);

const schema = { labels: ['InspectionLot'], relationshipTypes: ['HAS_LOT'], propertyKeys: ['status'], functions: [], notes: ['Labels: test'] };

/** The datasource surface the editors use (the real one is exercised against the Bolt server in the integration suite). */
function fakeDatasource(): EditorServices {
  return {
    schema: new SchemaCache(async () => schema),
    limits: () => ({ maxRows: 100, queryTimeoutSeconds: 30 }),
    dashboardVariables: () => ({ valueOf: () => 'P-1', names: () => ['project'] }),
  };
}

/**
 * Waits for Grafana's CodeEditor to mount `count` real Monaco editors and returns the newest. @monaco-editor/react
 * creates an editor first and only subscribes `onChange` (and runs `onMount`, where Ctrl/Cmd+Enter is bound) in an
 * effect after it has re-rendered as ready — its container stops being `display: none` then — so typing into a
 * merely created editor is lost on a busy machine.
 */
async function mountedEditor(count = 1) {
  const editors = () => monaco.editor.getEditors();
  await waitFor(
    () => {
      expect(editors()).toHaveLength(count);
      editors().forEach((e) => expect(e.getContainerDomNode().style.display).not.toBe('none'));
    },
    { timeout: 10_000 }
  );
  await act(async () => {}); // flush the effects that subscribe onChange and run onMount
  return editors()[count - 1];
}

function renderQueryEditor(query: Partial<MemgraphQuery> = {}, data?: PanelData) {
  const onChange = jest.fn();
  const onRunQuery = jest.fn();
  const full: MemgraphQuery = { refId: 'A', cypher: 'MATCH (l:InspectionLot) RETURN l.status', format: 'auto', ...query };
  render(<QueryEditor query={full} onChange={onChange} onRunQuery={onRunQuery} datasource={fakeDatasource()} data={data} />);
  return { onChange, onRunQuery, query: full };
}

afterEach(() => monaco.editor.getEditors().forEach((e) => e.dispose()));

describe('QueryEditor', () => {
  it('edits the Cypher in Monaco and runs it with Ctrl/Cmd+Enter and the Run button', async () => {
    const { onChange, onRunQuery, query } = renderQueryEditor();
    const editor = await mountedEditor();
    expect(editor.getModel()!.getLanguageId()).toBe('opentruss-cypher');
    act(() => {
      editor.setPosition(editor.getModel()!.getPositionAt(query.cypher.length));
      editor.trigger('keyboard', 'type', { text: ' LIMIT 5' });
    });
    expect(onChange).toHaveBeenLastCalledWith({ ...query, cypher: 'MATCH (l:InspectionLot) RETURN l.status LIMIT 5' });

    const textarea = screen.getByTestId(TEST_IDS.cypherEditor).querySelector('textarea')!;
    textarea.focus();
    fireEvent.keyDown(textarea, { key: 'Enter', code: 'Enter', keyCode: 13, ctrlKey: true });
    expect(onRunQuery).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByTestId(TEST_IDS.runQuery));
    expect(onRunQuery).toHaveBeenCalledTimes(2);
  });

  it('runs Ctrl/Cmd+Enter in the editor that has the focus when several are open (Explore split, query rows)', async () => {
    const left = renderQueryEditor({ refId: 'A' });
    const right = renderQueryEditor({ refId: 'B' });
    await mountedEditor(2);
    const [first, second] = screen.getAllByTestId(TEST_IDS.cypherEditor).map((e) => e.querySelector('textarea')!);
    const ctrlEnter = (textarea: HTMLTextAreaElement) => {
      act(() => textarea.focus());
      fireEvent.keyDown(textarea, { key: 'Enter', code: 'Enter', keyCode: 13, ctrlKey: true });
    };
    ctrlEnter(first);
    expect([left.onRunQuery.mock.calls.length, right.onRunQuery.mock.calls.length]).toEqual([1, 0]);
    ctrlEnter(second);
    expect([left.onRunQuery.mock.calls.length, right.onRunQuery.mock.calls.length]).toEqual([1, 1]);
  });

  it('marks problems before the query is sent, inline and in the list under the editor', async () => {
    renderQueryEditor({ cypher: 'MATCH (n)\nDETACH DELETE n' });
    const editor = await mountedEditor();
    await waitFor(() => expect(screen.getByTestId(TEST_IDS.queryProblems).textContent).toContain('Line 2, column 1: Refused in the browser before sending'));
    await waitFor(() =>
      expect(monaco.editor.getModelMarkers({ owner: MARKER_OWNER, resource: editor.getModel()!.uri })).toEqual([
        expect.objectContaining({ startLineNumber: 2, startColumn: 1, severity: monaco.MarkerSeverity.Error }),
      ])
    );
  });

  it('changes the format and runs the query; shows the limits and the schema it knows', async () => {
    const { onChange, onRunQuery, query } = renderQueryEditor();
    fireEvent.click(screen.getByText('Time series'));
    expect(onChange).toHaveBeenCalledWith({ ...query, format: 'time_series' });
    expect(onRunQuery).toHaveBeenCalled();
    expect(screen.getByTestId(TEST_IDS.limits).textContent).toContain('Reads at most 100 rows; Memgraph stops the query after 30 s');
    await waitFor(() => expect(screen.getByTestId(TEST_IDS.schemaStatus).textContent).toBe('1 labels · 1 relationship types · 1 property keys'));
  });

  it('fills in an OpenTruss example from the catalogue', async () => {
    const { onChange, onRunQuery, query } = renderQueryEditor();
    const example = QUERY_CATALOGUE.find((q) => q.uses.includes('example') && q.format === 'node_graph')!;
    fireEvent.click(screen.getByTestId(TEST_IDS.examples));
    fireEvent.click(await screen.findByText(example.title.en));
    expect(onChange).toHaveBeenCalledWith({ ...query, cypher: example.cypher, format: 'node_graph', legend: example.legend });
    expect(onRunQuery).toHaveBeenCalled();
  });

  it('says which dashboard variables an example needs, so picking it on a bare dashboard is no surprise', async () => {
    renderQueryEditor();
    const scoped = QUERY_CATALOGUE.find((q) => q.uses.includes('example') && q.variables.join() === 'project,building')!;
    const unscoped = QUERY_CATALOGUE.find((q) => q.uses.includes('example') && q.variables.length === 0)!;
    fireEvent.click(screen.getByTestId(TEST_IDS.examples));
    const item = async (title: string) => (await screen.findByText(title)).closest('[role="menuitem"]')?.textContent;
    expect(await item(scoped.title.en)).toBe(`${scoped.title.en}${scoped.format.replace('_', ' ')} · needs dashboard variables $project, $building`);
    expect(await item(unscoped.title.en)).toBe(`${unscoped.title.en}${unscoped.format.replace('_', ' ')}`);
  });

  it('says when the last result was capped at the row limit', () => {
    const capped: DataFrame = { ...toDataFrame({ fields: [{ name: 'n', type: FieldType.number, values: [1] }] }), refId: 'A', meta: { notices: [{ severity: 'warning', text: rowCapNotice(100) }] } };
    renderQueryEditor({}, { state: LoadingState.Done, series: [capped], timeRange: undefined as never });
    expect(screen.getByTestId(TEST_IDS.rowCapNotice).textContent).toContain('Showing the first 100 rows');
  });

  it('has collapsible help on macros and parameters', () => {
    renderQueryEditor();
    const help = screen.getByTestId(TEST_IDS.help);
    expect(help.textContent).not.toContain('$__timeFilter(expression)');
    fireEvent.click(within(help).getByText('Help: macros, parameters and variables'));
    expect(help.textContent).toContain('$__timeFilter(expression)');
    expect(help.textContent).toContain('$__interval_ms');
  });
});

describe('ConfigEditor', () => {
  const setup = (jsonData: Record<string, unknown>) => {
    const onOptionsChange = jest.fn();
    render(<ConfigEditor options={{ jsonData, secureJsonFields: {} } as never} onOptionsChange={onOptionsChange} />);
    return onOptionsChange;
  };

  it('warns that credentials are visible to viewers and guides on WebSocket/TLS', () => {
    setup({ url: 'wss://proxy:443' });
    expect(screen.getByTestId(TEST_IDS.credentialsWarning).textContent).toContain('viewer credentials');
    expect(screen.getByTestId(TEST_IDS.tlsGuidance).textContent).toContain('Browsers will connect with wss:// (TLS)');
    expect(screen.getByTestId(TEST_IDS.tlsGuidance).textContent).toContain('connect-src');
  });

  it('validates each field with the engine rules and lists what to fix', () => {
    setup({ url: 'http://db:7687', maxRows: -1, encryption: 'on' });
    const urlInput = screen.getByPlaceholderText('bolt://localhost:7687');
    expect(urlInput).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByPlaceholderText('10000')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByPlaceholderText('30')).toHaveAttribute('aria-invalid', 'false');
    const problems = screen.getByTestId(TEST_IDS.configProblems).textContent;
    expect(problems).toContain('Maximum rows must be a number above 0');
    expect(problems).toContain('URL scheme http:// is not supported');
  });

  it('edits settings into jsonData with numbers as numbers', () => {
    const onOptionsChange = setup({});
    fireEvent.change(screen.getByPlaceholderText('bolt://localhost:7687'), { target: { value: 'ws://db:7687' } });
    expect(onOptionsChange).toHaveBeenLastCalledWith(expect.objectContaining({ jsonData: { url: 'ws://db:7687' } }));
    fireEvent.change(screen.getByPlaceholderText('10000'), { target: { value: '500' } });
    expect(onOptionsChange).toHaveBeenLastCalledWith(expect.objectContaining({ jsonData: { maxRows: 500 } }));
  });
});

describe('VariableQueryEditor', () => {
  it('hands the query over on Run (not on every keystroke), as a table query', async () => {
    const onChange = jest.fn();
    render(<VariableQueryEditor query={'MATCH (p:Project) RETURN p.id' as never} onChange={onChange} onRunQuery={jest.fn()} datasource={fakeDatasource()} />);
    const editor = await mountedEditor();
    expect(editor.getValue()).toBe('MATCH (p:Project) RETURN p.id');
    act(() => {
      editor.setPosition(editor.getModel()!.getPositionAt(editor.getValue().length));
      editor.trigger('keyboard', 'type', { text: ' AS __value' });
    });
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.click(within(screen.getByTestId(TEST_IDS.variableEditor)).getByTestId(TEST_IDS.runQuery));
    expect(onChange).toHaveBeenCalledWith({ refId: 'variable', cypher: 'MATCH (p:Project) RETURN p.id AS __value', format: 'table' });
    expect(screen.getByText('__text')).toBeTruthy();
  });
});

describe('AnnotationQueryEditor', () => {
  it('offers the annotation examples and stores the query as a table query', async () => {
    const onChange = jest.fn();
    const onRunQuery = jest.fn();
    render(<AnnotationQueryEditor query={{ refId: 'Anno', cypher: '' }} onChange={onChange} onRunQuery={onRunQuery} datasource={fakeDatasource()} />);
    const example = QUERY_CATALOGUE.find((q) => q.uses.includes('annotation'))!;
    fireEvent.click(screen.getByTestId(TEST_IDS.examples));
    fireEvent.click(await screen.findByText(example.title.en));
    expect(onChange).toHaveBeenCalledWith({ refId: 'Anno', cypher: example.cypher, format: 'table' });
    expect(onRunQuery).toHaveBeenCalled();
    expect(screen.getByTestId(TEST_IDS.annotationEditor)).toBeTruthy();
  });
});

describe('in the viewer’s language', () => {
  beforeEach(() => useLanguage('zh-Hans'));
  afterEach(() => useLanguage('en-US'));

  it('shows the configuration editor in Chinese, settings values untouched', () => {
    render(<ConfigEditor options={{ jsonData: { url: 'wss://proxy:443' }, secureJsonFields: {} } as never} onOptionsChange={jest.fn()} />);
    expect(screen.getByText('查看者可以看到凭据')).toBeInTheDocument();
    expect(screen.getByTestId(TEST_IDS.tlsGuidance).textContent).toContain('浏览器将通过 wss:// 连接（TLS）');
    for (const section of ['连接', '认证', '限制', '服务器与索引']) {
      expect(screen.getByText(section)).toBeInTheDocument();
    }
    expect(screen.getByText('每个浏览器的最大连接数')).toBeInTheDocument();
    expect(screen.getByText('检查服务器与索引')).toBeInTheDocument();
    expect(screen.queryByText(/Credentials are visible|Max connections per browser/)).not.toBeInTheDocument();
  });

  it('shows the query editor in Chinese: buttons, formats, limits, schema, examples and help (with its code intact)', async () => {
    renderQueryEditor();
    expect(screen.getByText('运行查询')).toBeInTheDocument();
    expect(screen.getByText('时间序列')).toBeInTheDocument();
    expect(screen.getByTestId(TEST_IDS.limits).textContent).toContain('最多读取 100 行；Memgraph 在 30 秒后停止查询');
    await waitFor(() => expect(screen.getByTestId(TEST_IDS.schemaStatus).textContent).toBe('1 个标签 · 1 种关系类型 · 1 个属性键'));
    const help = screen.getByTestId(TEST_IDS.help);
    fireEvent.click(within(help).getByText('帮助：宏、参数与变量'));
    expect(within(help).getByText('${label:raw}').tagName).toBe('CODE');
    expect(help.textContent).toContain('绝不会作为文本拼入查询');
    fireEvent.click(screen.getByTestId(TEST_IDS.examples));
    const example = QUERY_CATALOGUE.find((q) => q.uses.includes('example'))!;
    expect(await screen.findByText(example.title.zh)).toBeInTheDocument();
  });
});
