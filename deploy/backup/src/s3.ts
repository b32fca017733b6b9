// The optional off-host copy: each complete backup's files, then its manifest (last, so a copy with a manifest is
// complete there too), uploaded to an S3-compatible bucket with the AWS SDK; deleted there when retention deletes
// it here. Keys: <BACKUP_S3_PREFIX>/<backup name>/<snapshots|wal>/<file> and …/manifest.json.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import {
  DeleteObjectsCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { S3Settings } from './config';
import { MANIFEST, type Manifest } from './repository';

export interface OffsiteCopy {
  /** Throws when the bucket cannot be reached with the configured credentials. */
  check(): Promise<void>;
  upload(manifest: Manifest, folder: string): Promise<void>;
  remove(name: string): Promise<void>;
  close(): void;
}

/** `log` receives the SDK's own warnings and errors (instead of the console). */
export function createS3Copy(settings: S3Settings, log: (line: string) => void = () => undefined): OffsiteCopy {
  const client = new S3Client({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    forcePathStyle: settings.forcePathStyle,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    maxAttempts: 3,
    logger: {
      debug: () => undefined,
      info: () => undefined,
      warn: (...content: unknown[]) => log(`S3: ${content.map(String).join(' ')}`),
      error: (...content: unknown[]) => log(`S3: ${content.map(String).join(' ')}`),
    },
    // Plain bodies with a Content-Length instead of the SDK's default aws-chunked uploads with CRC trailers, which
    // several S3-compatible stores refuse; checksums are still sent where the API requires them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const key = (...parts: string[]) => [settings.prefix, ...parts].filter(Boolean).join('/');
  const put = (objectKey: string, file: string, size: number) =>
    client.send(
      new PutObjectCommand({ Bucket: settings.bucket, Key: objectKey, Body: createReadStream(file), ContentLength: size })
    );

  return {
    async check() {
      await client.send(new HeadBucketCommand({ Bucket: settings.bucket }));
    },
    async upload(manifest, folder) {
      for (const file of manifest.files) {
        await put(key(manifest.name, file.path), path.join(folder, file.path), file.size);
      }
      const manifestFile = path.join(folder, MANIFEST);
      const { size } = await stat(manifestFile);
      await put(key(manifest.name, MANIFEST), manifestFile, size);
    },
    async remove(name) {
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: settings.bucket, Prefix: key(name) + '/', ContinuationToken: token })
        );
        const objects = (page.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []));
        if (objects.length > 0) {
          await client.send(new DeleteObjectsCommand({ Bucket: settings.bucket, Delete: { Objects: objects } }));
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },
    close() {
      client.destroy();
    },
  };
}
