import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { settingsFromEnv, startBoltGateway } from '@opentruss/bolt-gateway';
import { materialiseSecrets, repoPath, resolvedCompose, throwawayCertificates, type ComposeService } from '../src';

const TLS_FILES = ['BOLT_GATEWAY_TLS_CERT_FILE', 'BOLT_GATEWAY_TLS_KEY_FILE'];
const services = resolvedCompose({ profiles: ['tls'] }).services;
const plain = services['bolt-gateway'];
const secure = services['bolt-gateway-tls'];

/** The bind mount of a service that holds a file the container reads. */
function mountOf(service: ComposeService, file: string) {
  return service.volumes?.find((v) => file.startsWith(`${v.target}/`));
}

describe('Bolt gateway with TLS (compose profile tls)', () => {
  it('exists in profile `tls`, as the same gateway as bolt-gateway plus the certificate and key', () => {
    expect(secure).toBeDefined();
    expect(secure.profiles).toEqual(['tls']);
    for (const key of ['build', 'image', 'restart', 'depends_on', 'healthcheck'] as const) {
      expect(`${key}: ${JSON.stringify(secure[key])}`).toBe(`${key}: ${JSON.stringify(plain[key])}`);
    }
    const { BOLT_GATEWAY_TLS_CERT_FILE, BOLT_GATEWAY_TLS_KEY_FILE, ...shared } = secure.environment!;
    expect(shared).toEqual(plain.environment);
    expect([BOLT_GATEWAY_TLS_CERT_FILE, BOLT_GATEWAY_TLS_KEY_FILE].map((f) => path.basename(f))).toEqual(['tls.crt', 'tls.key']);
    expect(Object.keys(plain.environment!).filter((name) => name.startsWith('BOLT_GATEWAY_TLS_'))).toEqual([]);
  });

  it('reads them from TLS_CERT_DIR (default deploy/nginx/certs) mounted read-only, the folder nginx uses for Grafana', () => {
    const nginxCerts = services['tls-proxy'].volumes!.find((v) => v.target === '/etc/nginx/certs')!;
    for (const variable of TLS_FILES) {
      const mount = mountOf(secure, secure.environment![variable]);
      expect(mount).toMatchObject({ type: 'bind', source: repoPath('deploy/nginx/certs'), read_only: true });
      expect(mount!.source).toBe(nginxCerts.source);
    }
    const custom = resolvedCompose({ profiles: ['tls'], env: { TLS_CERT_DIR: '/srv/opentruss-certs' } }).services;
    expect(mountOf(custom['bolt-gateway-tls'], custom['bolt-gateway-tls'].environment!.BOLT_GATEWAY_TLS_KEY_FILE)!.source).toBe('/srv/opentruss-certs');
    expect(custom['tls-proxy'].volumes!.find((v) => v.target === '/etc/nginx/certs')!.source).toBe('/srv/opentruss-certs');
  });

  it('publishes TLS_BOLT_PORT (default 7688) on the port the gateway listens on', () => {
    const secrets = materialiseSecrets(secure.environment);
    const listening = settingsFromEnv({ ...secrets.env, BOLT_GATEWAY_TLS_CERT_FILE: '', BOLT_GATEWAY_TLS_KEY_FILE: '' }).port;
    secrets.cleanup();
    expect(secure.ports).toEqual([expect.objectContaining({ published: 7688, target: listening })]);
    const custom = resolvedCompose({ profiles: ['tls'], env: { TLS_BOLT_PORT: '17688' } }).services['bolt-gateway-tls'];
    expect(custom.ports).toEqual([expect.objectContaining({ published: 17688, target: listening })]);
  });

  it('serves TLS only with those settings: a TLS client completes the handshake, a plain Bolt handshake gets no answer', async () => {
    const certs = throwawayCertificates();
    // The compose environment as the container sees it, the mounted folder replaced by the throwaway pair.
    const secrets = materialiseSecrets(secure.environment);
    const env = Object.fromEntries(
      Object.entries(secrets.env).map(([name, value]) => [
        name,
        TLS_FILES.includes(name) ? path.join(certs.dir, path.basename(value)) : value,
      ])
    );
    const settings = settingsFromEnv(env);
    expect(settings.tls?.cert).toEqual(fs.readFileSync(certs.cert));
    expect(settingsFromEnv(materialiseSecrets(plain.environment, {}).env).tls).toBeUndefined();
    const gateway = await startBoltGateway({ ...settings, host: '127.0.0.1', port: 0, opsPort: undefined, processMetrics: false, log: () => undefined });
    try {
      const peerSubject = await new Promise<string>((resolve, reject) => {
        const socket = tls.connect({ host: '127.0.0.1', port: gateway.port, rejectUnauthorized: false }, () => {
          resolve(String(socket.getPeerCertificate().subject.CN));
          socket.destroy();
        });
        socket.once('error', reject);
      });
      expect(peerSubject).toBe('localhost');
      const plainAnswer = await new Promise<number>((resolve) => {
        let received = 0;
        const socket = net.connect({ host: '127.0.0.1', port: gateway.port }, () =>
          // Bolt magic, then four version proposals (5.2, 4.4, none, none).
          socket.write(Buffer.from('6060b017' + '00000205' + '00000404' + '00000000' + '00000000', 'hex'))
        );
        socket.on('data', (data) => (received += data.length));
        socket.setTimeout(5000, () => socket.destroy());
        socket.on('close', () => resolve(received));
        socket.on('error', () => undefined);
      });
      // A TLS server answers plaintext with at most a TLS alert, never the 4-byte Bolt version.
      expect(plainAnswer).not.toBe(4);
    } finally {
      await gateway.stop();
      fs.rmSync(certs.dir, { recursive: true, force: true });
      secrets.cleanup();
    }
  });
});
