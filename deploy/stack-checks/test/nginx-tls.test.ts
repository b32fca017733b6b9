import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTool } from '@opentruss/tooling/testing';
import { readText, repoPath, resolvedCompose } from '../src';

const SITE = 'deploy/nginx/opentruss-tls.conf';
const services = resolvedCompose({ profiles: ['tls'] }).services;
const proxy = services['tls-proxy'];
const certMount = proxy.volumes!.find((v) => v.target === '/etc/nginx/certs')!;

/**
 * `nginx -t` with the real Debian nginx on the site file wrapped in a minimal main config, the certificate
 * paths pointed at a throwaway self-signed pair made here (never committed), everything else in a temp dir.
 */
function nginxTest(siteText: string): { status: number | null; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opentruss-nginx-'));
  try {
    const openssl = runTool('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-keyout', `${dir}/tls.key`, '-out', `${dir}/tls.crt`,
    ]);
    expect(openssl.status).toBe(0);
    fs.writeFileSync(`${dir}/site.conf`, siteText.replaceAll('/etc/nginx/certs/', `${dir}/`));
    fs.writeFileSync(
      `${dir}/nginx.conf`,
      `pid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp {\n  access_log off;\n  include ${dir}/site.conf;\n}\n`
    );
    const result = runTool('nginx', ['-t', '-p', dir, '-c', `${dir}/nginx.conf`]);
    return { status: result.status, output: result.stdout + result.stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('TLS proxy (compose profile tls)', () => {
  const site = readText(SITE);

  it('passes the real `nginx -t` with a throwaway self-signed certificate', () => {
    const { status, output } = nginxTest(site);
    expect(output).toContain('test is successful');
    expect(status).toBe(0);
  });

  it('fails `nginx -t` on a broken config, so the check above is meaningful', () => {
    const { status, output } = nginxTest(site.replace('proxy_read_timeout 1h;', 'proxy_read_timeout;'));
    expect(status).not.toBe(0);
    expect(output).toMatch(/invalid number of arguments/);
  });

  it('is the server config of the nginx image, with the certificates from TLS_CERT_DIR (default deploy/nginx/certs)', () => {
    expect(proxy.volumes).toContainEqual({ type: 'bind', source: repoPath(SITE), target: '/etc/nginx/conf.d/default.conf', read_only: true });
    expect(certMount).toEqual({ type: 'bind', source: repoPath('deploy/nginx/certs'), target: '/etc/nginx/certs', read_only: true });
    expect(site).toContain('ssl_certificate     /etc/nginx/certs/tls.crt;');
    expect(site).toContain('ssl_certificate_key /etc/nginx/certs/tls.key;');
    expect(readText('deploy/nginx/certs/.gitignore').split('\n')).toEqual(expect.arrayContaining(['*', '!.gitignore']));
  });

  it('terminates TLS on the ports it publishes: 443 for Grafana, 7688 for Bolt over wss', () => {
    const listens = [...site.matchAll(/^\s*listen (\d+) ssl;/gm)].map((m) => Number(m[1])).sort();
    expect(listens).toEqual([443, 7688]);
    expect(proxy.ports!.map((p) => p.target).sort()).toEqual(listens);
  });

  it('forwards to the compose services on their container ports, with the WebSocket upgrade for Bolt and Grafana Live', () => {
    const upstreams = [...site.matchAll(/set \$\w+ http:\/\/([\w-]+):(\d+);/g)].map((m) => `${m[1]}:${m[2]}`);
    expect(new Set(upstreams)).toEqual(new Set(['grafana:3000', 'bolt-gateway:7687']));
    for (const upstream of upstreams) {
      expect(services).toHaveProperty(upstream.split(':')[0]);
    }
    expect(services.grafana.ports).toContainEqual(expect.objectContaining({ target: 3000 }));
    expect(services['bolt-gateway'].ports).toContainEqual(expect.objectContaining({ target: 7687 }));
    const boltServer = site.slice(site.indexOf('listen 7688 ssl;'));
    expect(boltServer).toContain('proxy_set_header Upgrade $http_upgrade;');
    expect(boltServer).toContain('proxy_set_header Connection $connection_upgrade;');
    expect(boltServer).toContain('proxy_http_version 1.1;');
  });
});
