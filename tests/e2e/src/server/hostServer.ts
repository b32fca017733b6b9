// The test host on 127.0.0.1: the page (with Grafana's boot data written in, as Grafana's server does), the host
// bundle, each plugin's dist/ at /public/plugins/<id>/ as Grafana serves it, @grafana/ui's icons at
// /public/build/img/icons/, and the canned Grafana API under /api/.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import { HOST_DIST } from '../../host/build';
import { GrafanaApi, readJsonBody } from './grafanaApi';
import { hostPage, type HostDatasource } from './hostPage';
import type { PluginBuild } from './pluginBuilds';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

const ICONS_DIR = path.join(path.dirname(require.resolve('@grafana/ui/package.json')), 'dist/public/img/icons');

export interface HostServer {
  readonly url: string;
  readonly api: GrafanaApi;
  /** The datasources the next page load sees. */
  setDatasources(datasources: HostDatasource[]): void;
  /** Every path requested, in order (the tests check which plugin files the browser loaded). */
  readonly requests: string[];
  /** Files asked for that do not exist (every one is a defect of the host or a plugin). */
  readonly notFound: string[];
  stop(): Promise<void>;
}

/** Resolves `relative` inside `root`, refusing anything that climbs out of it. */
function fileIn(root: string, relative: string): string | undefined {
  const file = path.resolve(root, decodeURIComponent(relative));
  return file.startsWith(root + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile() ? file : undefined;
}

export async function startHostServer(plugins: Record<string, PluginBuild>): Promise<HostServer> {
  const api = new GrafanaApi(plugins);
  const requests: string[] = [];
  let datasources: HostDatasource[] = [];
  const cssFiles = fs.readdirSync(HOST_DIST).filter((file) => file.endsWith('.css'));

  const notFound: string[] = [];
  const sendFile = (response: http.ServerResponse, file: string | undefined) => {
    if (!file) {
      notFound.push(response.req.url ?? '');
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(200, {
      'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    });
    fs.createReadStream(file).pipe(response);
  };

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://host');
    requests.push(url.pathname);
    const handle = async () => {
      let match: RegExpExecArray | null;
      if (url.pathname.startsWith('/api/')) {
        const body = ['POST', 'PUT', 'PATCH'].includes(request.method ?? '') ? await readJsonBody(request) : undefined;
        const answer = api.answer({
          method: request.method ?? 'GET',
          path: url.pathname,
          query: Object.fromEntries(url.searchParams),
          headers: Object.fromEntries(
            Object.entries(request.headers).filter(([name]) => name.startsWith('x-')) as Array<[string, string]>
          ),
          body,
        });
        response.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer.body));
      } else if ((match = /^\/public\/plugins\/([^/]+)\/(.+)$/.exec(url.pathname))) {
        const build = plugins[match[1]];
        sendFile(response, build && fileIn(build.distDir, match[2]));
      } else if (url.pathname.startsWith('/public/build/img/icons/')) {
        sendFile(response, fileIn(ICONS_DIR, url.pathname.slice('/public/build/img/icons/'.length)));
      } else if (url.pathname.startsWith('/host/')) {
        sendFile(response, fileIn(HOST_DIST, url.pathname.slice('/host/'.length)));
      } else if (url.pathname === '/favicon.ico') {
        response.writeHead(204).end();
      } else if (path.extname(url.pathname) === '') {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(
          hostPage({
            origin: `http://${request.headers.host}`,
            plugins,
            datasources,
            cssFiles,
            language: api.userLanguage,
          })
        );
      } else {
        sendFile(response, undefined);
      }
    };
    handle().catch((error: Error) => {
      response.writeHead(500, { 'Content-Type': 'text/plain' }).end(error.stack);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    api,
    requests,
    notFound,
    setDatasources(list) {
      datasources = list;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
