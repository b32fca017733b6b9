import fs from 'node:fs';
import { runTool } from '@opentruss/tooling/testing';
import { readText, repoPath, resolvedCompose, throwawayCertificates } from '../src';

const SITE = 'deploy/nginx/opentruss-tls.conf';
const services = resolvedCompose({ profiles: ['tls'] }).services;
const proxy = services['tls-proxy'];
const certMount = proxy.volumes!.find((v) => v.target === '/etc/nginx/certs')!;

/**
 * `nginx -t` with the real Debian nginx on the site file wrapped in a minimal main config, the certificate
 * paths pointed at a throwaway self-signed pair (never committed), everything else in that temp dir.
 */
function nginxTest(siteText: string): { status: number | null; output: string } {
  const { dir } = throwawayCertificates();
  try {
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

describe('TLS proxy for Grafana (compose profile tls)', () => {
  const site = readText(SITE);

  it('passes the real `nginx -t` with a throwaway self-signed certificate', () => {
    const { status, output } = nginxTest(site);
    expect(output).toContain('test is successful');
    expect(status).toBe(0);
  });

  it('fails `nginx -t` on a broken config, so the check above is meaningful', () => {
    const { status, output } = nginxTest(site.replace('ssl_protocols       TLSv1.2 TLSv1.3;', 'ssl_protocols;'));
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

  it('terminates TLS for Grafana only, on the one port it publishes (443)', () => {
    const listens = [...site.matchAll(/^\s*listen\s+([^;]+);/gm)].map((m) => m[1].trim());
    expect(listens).toEqual(['443 ssl']);
    expect(proxy.ports!.map((p) => p.target)).toEqual([443]);
  });

  it('forwards to Grafana on its container port, with the WebSocket upgrade for Grafana Live', () => {
    const upstreams = [...site.matchAll(/set \$\w+ (\S+);/g)].map((m) => m[1]);
    expect(new Set(upstreams)).toEqual(new Set(['http://grafana:3000']));
    expect(services.grafana.ports).toContainEqual(expect.objectContaining({ target: 3000 }));
    const live = site.slice(site.indexOf('location /api/live/'));
    expect(live).toContain('proxy_set_header Upgrade $http_upgrade;');
    expect(live).toContain('proxy_set_header Connection $connection_upgrade;');
    expect(live).toContain('proxy_http_version 1.1;');
  });

  it('does not proxy Bolt: bolt-gateway-tls serves its TLS itself, so the gateway sees every client address', () => {
    expect(proxiesBolt(site)).toBe(false);
    expect(proxy.ports!.map((p) => p.target)).not.toContain(7687);
    expect(Object.keys(proxy.depends_on ?? {})).toEqual(['grafana']);
    // The check catches the old wss proxy in front of the gateway, and a raw TCP (stream) proxy.
    const wss = 'server {\n    listen 7688 ssl;\n    location / {\n        set $gw http://bolt-gateway:7687;\n        proxy_pass $gw;\n    }\n}\n';
    expect(proxiesBolt(site + wss)).toBe(true);
    expect(proxiesBolt('stream {\n    server { listen 7688 ssl; proxy_pass gw:7687; }\n}\n')).toBe(true);
  });
});

/** Whether an nginx config (comments aside) proxies anything but Grafana: a Bolt port, the gateway, a stream block. */
function proxiesBolt(config: string): boolean {
  const directives = config.replace(/#.*$/gm, '');
  const passes = [...directives.matchAll(/proxy_pass\s+([^;]+);/g)].map((m) => m[1]);
  return (
    /bolt|memgraph|\b768[78]\b/i.test(directives) ||
    /^\s*stream\s*\{/m.test(directives) ||
    passes.some((target) => target !== '$grafana')
  );
}
