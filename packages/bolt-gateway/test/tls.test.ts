// With certificate files the client port speaks TLS (bolt+s:// and wss://), so no proxy is needed for https Grafana.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { startStack, VIEWER, type Stack } from './support/stack';

let dir: string;
let stack: Stack;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bolt-gateway-tls-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      path.join(dir, 'key.pem'),
      '-out',
      path.join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' }
  );
  const tls = {
    cert: fs.readFileSync(path.join(dir, 'cert.pem')),
    key: fs.readFileSync(path.join(dir, 'key.pem')),
  };
  stack = await startStack(
    {
      responders: [
        {
          match: 'RETURN 1 AS one',
          fields: ['one'],
          records: [[neo4j.int(1)]],
        },
      ],
    },
    {},
    { tls }
  );
});

afterAll(async () => {
  await stack.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('serves Bolt over TLS with the certificate it was given', async () => {
  expect(stack.gateway.url).toMatch(/^bolt\+s:\/\//);
  const driver = neo4j.driver(
    `bolt+ssc://127.0.0.1:${stack.gateway.port}`,
    neo4j.auth.basic(VIEWER.user, VIEWER.password)
  );
  try {
    const { records } = await driver.executeQuery('RETURN 1 AS one');
    expect(neo4j.integer.toNumber(records[0].get('one'))).toBe(1);
  } finally {
    await driver.close();
  }
});

it('refuses plain Bolt on a TLS port without disturbing others', async () => {
  const plain = neo4j.driver(`bolt://127.0.0.1:${stack.gateway.port}`, neo4j.auth.basic(VIEWER.user, VIEWER.password), {
    connectionTimeout: 2000,
  });
  const session = plain.session();
  try {
    await expect(session.run('RETURN 1 AS one')).rejects.toThrow();
  } finally {
    await session.close();
    await plain.close();
  }
  const secure = neo4j.driver(
    `bolt+ssc://127.0.0.1:${stack.gateway.port}`,
    neo4j.auth.basic(VIEWER.user, VIEWER.password)
  );
  try {
    expect((await secure.executeQuery('RETURN 1 AS one')).records).toHaveLength(1);
  } finally {
    await secure.close();
  }
});
