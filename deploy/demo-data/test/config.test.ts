import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_DEMO_SEED } from '@opentruss/opentruss-graph';
import { readDemoDataConfig } from '../src';

const NOW = new Date('2026-11-26T00:00:00Z');

describe('demo-data configuration from the environment', () => {
  it('defaults to the compose setup: bolt://memgraph:7687 without credentials, the small graph', () => {
    expect(readDemoDataConfig({}, NOW)).toEqual({
      memgraphUrl: 'bolt://memgraph:7687',
      user: '',
      password: '',
      preset: 'small',
      seed: DEFAULT_DEMO_SEED,
      now: NOW,
      batchSize: 1000,
      waitAttempts: 60,
      waitIntervalMs: 2000,
    });
  });

  it('takes a capacity preset from DEMO_DATA_SIZE', () => {
    expect(readDemoDataConfig({ DEMO_DATA_SIZE: 'capacity-3-months' }).preset).toBe('capacity-3-months');
  });

  it.each([
    [{ DEMO_DATA_SIZE: 'huge' }, /DEMO_DATA_SIZE must be one of small, capacity-now, capacity-3-months, capacity-6-months; got "huge"/],
    [{ MEMGRAPH_URL: 'http://memgraph:7687' }, /MEMGRAPH_URL must look like bolt:\/\/host:7687/],
    [{ DEMO_DATA_BATCH_SIZE: '0' }, /DEMO_DATA_BATCH_SIZE must be an integer ≥ 1, got "0"/],
    [{ MEMGRAPH_WAIT_ATTEMPTS: 'many' }, /MEMGRAPH_WAIT_ATTEMPTS/],
  ])('rejects %p with an error naming the variable', (env, message) => {
    expect(() => readDemoDataConfig(env)).toThrow(message);
  });

  it("reads the password from MEMGRAPH_PASSWORD_FILE (the stack's secrets volume), refusing both or an unreadable file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-data-'));
    try {
      const file = path.join(dir, 'password');
      fs.writeFileSync(file, 'from-the-volume');
      expect(readDemoDataConfig({ MEMGRAPH_PASSWORD_FILE: file }).password).toBe('from-the-volume');
      expect(() => readDemoDataConfig({ MEMGRAPH_PASSWORD_FILE: file, MEMGRAPH_PASSWORD: 'x' })).toThrow(/not both/);
      expect(() => readDemoDataConfig({ MEMGRAPH_PASSWORD_FILE: path.join(dir, 'missing') })).toThrow(/MEMGRAPH_PASSWORD_FILE .*missing cannot be read/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
