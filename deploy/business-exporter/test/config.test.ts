import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULTS, readExporterConfig } from '../src';

describe('exporter settings', () => {
  it('defaults: the stack network Memgraph, port 9466, every 2 minutes, 30 s per query, 100 buildings', () => {
    expect(readExporterConfig({})).toEqual({
      memgraphUrl: 'bolt://memgraph:7687',
      user: '',
      password: '',
      host: '0.0.0.0',
      port: DEFAULTS.port,
      intervalMs: 120_000,
      queryTimeoutMs: 30_000,
      maxBuildings: 100,
    });
  });

  it('reads the same Memgraph credential variables as demo-data, or a password file', () => {
    expect(readExporterConfig({ MEMGRAPH_USER: 'u', MEMGRAPH_PASSWORD: 'p' })).toMatchObject({ user: 'u', password: 'p' });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'exporter-')), 'password');
    fs.writeFileSync(file, 'from-file\n');
    expect(readExporterConfig({ MEMGRAPH_PASSWORD_FILE: file }).password).toBe('from-file');
    expect(() => readExporterConfig({ MEMGRAPH_PASSWORD_FILE: file, MEMGRAPH_PASSWORD: 'x' })).toThrow(/not both/);
    expect(() => readExporterConfig({ MEMGRAPH_PASSWORD_FILE: '/nonexistent/pw' })).toThrow(
      /MEMGRAPH_PASSWORD_FILE \/nonexistent\/pw cannot be read/
    );
  });

  it('refuses bad values, naming the variable', () => {
    expect(() => readExporterConfig({ MEMGRAPH_URL: 'http://memgraph:7687' })).toThrow(/MEMGRAPH_URL must look like/);
    expect(() => readExporterConfig({ BUSINESS_EXPORTER_INTERVAL_SECONDS: 'often' })).toThrow(
      /BUSINESS_EXPORTER_INTERVAL_SECONDS must be a number from 1 to 86400, got "often"/
    );
    expect(() => readExporterConfig({ BUSINESS_EXPORTER_MAX_BUILDINGS: '500' })).toThrow(
      /BUSINESS_EXPORTER_MAX_BUILDINGS must be an integer from 1 to 200/
    );
    expect(() => readExporterConfig({ BUSINESS_EXPORTER_PORT: '70000' })).toThrow(/BUSINESS_EXPORTER_PORT/);
    expect(readExporterConfig({ BUSINESS_EXPORTER_QUERY_TIMEOUT_SECONDS: '2.5' }).queryTimeoutMs).toBe(2500);
  });
});
