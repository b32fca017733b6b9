import { fireEvent, render, screen } from '@testing-library/react';
import React from 'react';

import type { MemgraphQuery } from '@opentruss/contract';
import type { DataSourceSettings } from '@grafana/data';

import type { MemgraphSettings } from '../connection/settings';
import type { DataSource } from '../datasource';
import { ConfigEditor } from './ConfigEditor';
import { QueryEditor } from './QueryEditor';

describe('QueryEditor (minimal)', () => {
  const query: MemgraphQuery = { refId: 'A', cypher: 'RETURN 1', format: 'auto' };
  const setup = () => {
    const onChange = jest.fn();
    const onRunQuery = jest.fn();
    render(<QueryEditor query={query} onChange={onChange} onRunQuery={onRunQuery} datasource={{} as DataSource} />);
    return { onChange, onRunQuery };
  };

  it('edits the Cypher text and runs it when the editor loses focus', () => {
    const { onChange, onRunQuery } = setup();
    const editor = screen.getByLabelText('Cypher');
    fireEvent.change(editor, { target: { value: 'MATCH (n) RETURN count(n)' } });
    expect(onChange).toHaveBeenCalledWith({ ...query, cypher: 'MATCH (n) RETURN count(n)' });
    fireEvent.blur(editor);
    expect(onRunQuery).toHaveBeenCalled();
  });

  it('changes the format and runs the query', () => {
    const { onChange, onRunQuery } = setup();
    fireEvent.click(screen.getByText('Time series'));
    expect(onChange).toHaveBeenCalledWith({ ...query, format: 'time_series' });
    expect(onRunQuery).toHaveBeenCalled();
  });
});

describe('ConfigEditor (minimal)', () => {
  const options = (jsonData: MemgraphSettings) =>
    ({ jsonData, secureJsonFields: {} }) as unknown as DataSourceSettings<MemgraphSettings>;

  it('warns that credentials are visible to viewers and edits settings into jsonData', () => {
    const onOptionsChange = jest.fn();
    render(<ConfigEditor options={options({})} onOptionsChange={onOptionsChange} />);
    expect(screen.getByText('Credentials are visible to viewers')).toBeInTheDocument();
    fireEvent.change(screen.getByPlaceholderText('bolt://localhost:7687'), { target: { value: 'ws://db:7687' } });
    expect(onOptionsChange).toHaveBeenCalledWith(expect.objectContaining({ jsonData: { url: 'ws://db:7687' } }));
    fireEvent.change(screen.getByPlaceholderText('10000'), { target: { value: '500' } });
    expect(onOptionsChange).toHaveBeenLastCalledWith(expect.objectContaining({ jsonData: { maxRows: 500 } }));
  });

  it('lists what is wrong with the settings', () => {
    render(<ConfigEditor options={options({ url: 'http://db', maxRows: -1 })} onOptionsChange={jest.fn()} />);
    expect(screen.getByText(/URL scheme http:\/\/ is not supported/)).toBeInTheDocument();
    expect(screen.getByText(/Maximum rows must be a number above 0/)).toBeInTheDocument();
  });
});
