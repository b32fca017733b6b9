// The test host on 127.0.0.1: the page (with Grafana's boot data written in, as Grafana's server does), the host
// bundle, each plugin's dist/ at /public/plugins/<id>/ as Grafana serves it, @grafana/ui's icons at
// /public/build/img/icons/, and the canned Grafana API under /api/.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { PLUGIN_IDS } from '@opentruss/contract';

import { HOST_DIST } from '../../host/build';
import { GrafanaApi, readJsonBody } from './grafanaApi';
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

/** A datasource as provisioning defines one (the page gets it in the boot data). */
export interface HostDatasource {
  uid: string;
  name: string;
  type: string;
  jsonData?: Record<string, unknown>;
  isDefault?: boolean;
}

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

  const datasourceMeta = (type: string) => {
    const build = plugins[type];
    if (!build) {
      // A datasource Grafana builds in (Prometheus): no module of its own here.
      return {
        id: type,
        type: 'datasource',
        name: type,
        module: '',
        baseUrl: '',
        info: { logos: { small: '', large: '' } },
      };
    }
    return {
      ...build.pluginJson,
      module: `public/plugins/${type}/module.js`,
      baseUrl: `public/plugins/${type}`,
      info: {
        ...build.pluginJson.info,
        logos: { small: `public/plugins/${type}/img/logo.svg`, large: `public/plugins/${type}/img/logo.svg` },
      },
    };
  };

  const bootData = (origin: string) => ({
    settings: {
      appUrl: `${origin}/`,
      appSubUrl: '',
      buildInfo: { version: '13.1.1', commit: 'e2e-host', env: 'production', edition: 'Open Source' },
      featureToggles: {},
      datasources: Object.fromEntries(
        datasources.map((ds, index) => [
          ds.name,
          {
            id: index + 1,
            uid: ds.uid,
            name: ds.name,
            type: ds.type,
            access: 'proxy',
            url: '',
            isDefault: Boolean(ds.isDefault),
            readOnly: true,
            jsonData: ds.jsonData ?? {},
            meta: datasourceMeta(ds.type),
          },
        ])
      ),
      defaultDatasource: datasources.find((ds) => ds.isDefault)?.name ?? '',
      apps: {
        [PLUGIN_IDS.app]: {
          id: PLUGIN_IDS.app,
          path: `public/plugins/${PLUGIN_IDS.app}/module.js`,
          version: '0.1.0',
          preload: false,
        },
      },
    },
    user: {
      id: 1,
      uid: 'e2e-admin',
      login: 'admin',
      name: 'E2E Admin',
      email: 'admin@localhost',
      orgId: 1,
      orgName: 'Main Org.',
      orgRole: 'Admin',
      isGrafanaAdmin: true,
      isSignedIn: true,
      theme: 'dark',
      timezone: 'utc',
      locale: 'en-US',
      language: 'en-US',
      permissions: {},
    },
    navTree: [],
    assets: { dark: '', light: '' },
  });

  const page = (origin: string) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <base href="/" />
  <title>OpenTruss e2e host</title>
  ${cssFiles.map((file) => `<link rel="stylesheet" href="/host/${file}" />`).join('\n  ')}
  <script>
    window.grafanaBootData = ${JSON.stringify(bootData(origin))};
    window.__grafana_public_path__ = '/public/';
  </script>
</head>
<body class="theme-dark">
  <div id="reactRoot"></div>
  <script type="module" src="/host/main.js"></script>
</body>
</html>`;

  const notFound: string[] = [];
  const sendFile = (response: http.ServerResponse, file: string | undefined) => {
    if (!file) {
      notFound.push(response.req.url ?? '');
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
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
        response
          .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
          .end(page(`http://${request.headers.host}`));
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
