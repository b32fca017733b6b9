/** @jest-environment node */
import { DATASOURCE_UIDS, PLUGIN_IDS } from '@opentruss/contract';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

import { DEFAULT_SETTINGS, settingsProblems, type MemgraphSettings } from './settings';

// The repository's provisioning file must speak this datasource's settings, or Grafana would silently ignore them.
const provisioningFile = path.resolve(__dirname, '../../../../provisioning/datasources/opentruss.yaml');

describe('provisioned Memgraph datasource', () => {
  const datasources: Array<{ uid: string; type: string; jsonData: Record<string, unknown> }> = parse(
    fs.readFileSync(provisioningFile, 'utf8')
  ).datasources;
  const memgraph = datasources.find((d) => d.type === PLUGIN_IDS.datasource)!;

  it('has the contract uid', () => {
    expect(memgraph.uid).toBe(DATASOURCE_UIDS.memgraph);
  });

  it('uses only setting names the datasource knows', () => {
    const known = Object.keys(DEFAULT_SETTINGS);
    expect(Object.keys(memgraph.jsonData).filter((key) => !known.includes(key))).toEqual([]);
    expect(memgraph.jsonData.url).toBe('${MEMGRAPH_BROWSER_URL}');
  });

  it('provisions valid settings (with the URL the stack expands)', () => {
    const jsonData = { ...memgraph.jsonData, url: 'bolt://localhost:7687' } as MemgraphSettings;
    expect(settingsProblems(jsonData)).toEqual([]);
  });
});
