// The S3 copy, against a local HTTP server standing in for an S3-compatible store: it records what the real AWS
// SDK sends (signed requests, path-style keys) and answers as S3 does. What a real store does with them is S3's.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { backupMetrics } from '@opentruss/contract';
import { createS3Copy, type OffsiteCopy } from '../src';
import { startHarness, type Harness } from './support/harness';

interface Received {
  method: string;
  url: string;
  authorization: string;
  body: Buffer;
}

let store: http.Server;
let received: Received[];
let failPuts: boolean;
let endpoint: string;

beforeEach(async () => {
  received = [];
  failPuts = false;
  store = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ method: request.method!, url: request.url!, authorization: String(request.headers.authorization), body: Buffer.concat(chunks) });
      if (request.method === 'PUT') {
        response.writeHead(failPuts ? 503 : 200, { etag: '"x"' }).end();
      } else if (request.method === 'HEAD') {
        response.writeHead(200).end();
      } else if (request.method === 'GET') {
        const keys = received.filter((r) => r.method === 'PUT').map((r) => decodeURIComponent(r.url.replace('/bucket/', '').split('?')[0]));
        const contents = keys.map((k) => `<Contents><Key>${k}</Key></Contents>`).join('');
        response.writeHead(200, { 'content-type': 'application/xml' });
        response.end(`<?xml version="1.0"?><ListBucketResult><IsTruncated>false</IsTruncated>${contents}</ListBucketResult>`);
      } else {
        response.writeHead(200, { 'content-type': 'application/xml' }).end('<?xml version="1.0"?><DeleteResult></DeleteResult>');
      }
    });
  });
  await new Promise<void>((resolve) => store.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(store.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await new Promise((resolve) => store.close(resolve));
});

const s3 = (): OffsiteCopy =>
  createS3Copy({ bucket: 'bucket', endpoint, region: 'us-east-1', prefix: 'opentruss', accessKeyId: 'AKID', secretAccessKey: 'secret', forcePathStyle: true });

describe('S3 copy', () => {
  let h: Harness;
  let offsite: OffsiteCopy;

  beforeEach(async () => {
    offsite = s3();
    h = await startHarness({ offsite });
  });

  afterEach(async () => {
    offsite.close();
    await h.stop();
  });

  it('uploads every file of a backup, signed, with its manifest last', async () => {
    h.main.commit(1000);
    expect((await h.runner.run('full')).status).toBe('success');
    const [backup] = (await h.repository.list()).backups;
    const puts = received.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => decodeURIComponent(r.url.split('?')[0]))).toEqual([
      ...backup.files.map((f) => `/bucket/opentruss/${backup.name}/${f.path}`),
      `/bucket/opentruss/${backup.name}/manifest.json`,
    ]);
    backup.files.forEach((file, index) => {
      expect(puts[index].body.equals(fs.readFileSync(path.join(h.backupDir, backup.name, file.path)))).toBe(true);
    });
    expect(puts.every((r) => r.authorization.startsWith('AWS4-HMAC-SHA256 Credential=AKID/'))).toBe(true);
    expect(puts.every((r) => !r.authorization.includes('secret'))).toBe(true);
    expect((await h.samples()).get(`${backupMetrics.targetUp}{target="s3"}`)).toBe(1);
  });

  it('a failed upload fails the attempt (the local backup stays) and marks the S3 target down', async () => {
    h.main.commit();
    failPuts = true;
    const attempt = await h.runner.run('full');
    expect(attempt.status).toBe('failure');
    expect(attempt.message).toMatch(/is complete locally, but its copy to S3 failed/);
    expect((await h.repository.list()).backups).toHaveLength(1);
    const samples = await h.samples();
    expect(samples.get(`${backupMetrics.lastStatus}{kind="full"}`)).toBe(0);
  });

  it('deletes a backup there when retention deletes it here', async () => {
    h.main.commit();
    await h.runner.run('full');
    const [backup] = (await h.repository.list()).backups;
    await offsite.remove(backup.name);
    const deletion = received.find((r) => r.method === 'POST' && r.url.includes('delete'));
    expect(deletion?.body.toString()).toContain(`<Key>opentruss/${backup.name}/manifest.json</Key>`);
  });
});

it('check() fails when the store cannot be reached', async () => {
  const offsite = createS3Copy({ bucket: 'bucket', endpoint: 'http://127.0.0.1:1', region: 'us-east-1', prefix: '', accessKeyId: 'a', secretAccessKey: 'b', forcePathStyle: true });
  await expect(offsite.check()).rejects.toThrow();
  offsite.close();
});
