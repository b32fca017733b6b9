import fs from 'node:fs';
import path from 'node:path';
import { PLUGIN_IDS } from '../src';

const pluginJson = (folder: string) =>
  JSON.parse(fs.readFileSync(path.join(__dirname, '../../../plugins', folder, 'src/plugin.json'), 'utf8'));

describe('plugin ids', () => {
  it('match the ids in each plugin.json', () => {
    expect(pluginJson('memgraph-datasource').id).toBe(PLUGIN_IDS.datasource);
    expect(pluginJson('opentruss-app').id).toBe(PLUGIN_IDS.app);
  });
});
