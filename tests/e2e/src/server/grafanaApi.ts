// The part of Grafana's HTTP API the plugins call, answered the way Grafana answers (shapes from Grafana's API
// docs and handlers), with just enough state to be coherent: plugin settings, folders, provisioned rule groups,
// playlists, datasource health, the alerting rules API. Every call is recorded for the tests.
import type { IncomingMessage } from 'node:http';

import type { PluginBuild } from './pluginBuilds';
import { rulesApiResponse, type FiringRule } from './provisionedRules';

export interface ApiCall {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Request headers Grafana's API reads (lower-case names), e.g. x-disable-provenance. */
  headers: Record<string, string>;
  body?: unknown;
}

export interface ApiAnswer {
  status: number;
  body: unknown;
}

export class GrafanaApi {
  readonly calls: ApiCall[] = [];
  /** The app's jsonData as /api/plugins/<id>/settings returns it. */
  readonly appSettings: Record<string, Record<string, unknown>> = {};
  firingRules: FiringRule[] = [];
  private readonly folders: Array<{ id: number; uid: string; title: string }> = [];
  private readonly ruleGroups = new Map<string, unknown>();
  private readonly playlists = new Map<string, Record<string, unknown>>();
  /** Health answers of datasources Grafana's backend checks (`/api/datasources/uid/<uid>/health`). */
  readonly datasourceHealth = new Map<string, ApiAnswer>();
  /** The signed-in user's language preference (Grafana's Profile → Preferences); the page's boot data carries it. */
  userLanguage = 'en-US';

  constructor(private readonly plugins: Record<string, PluginBuild>) {}

  callsTo(method: string, pathPattern: RegExp): ApiCall[] {
    return this.calls.filter((call) => call.method === method && pathPattern.test(call.path));
  }

  answer(call: ApiCall): ApiAnswer {
    this.calls.push(call);
    const { method, path } = call;
    let match: RegExpExecArray | null;
    if ((match = /^\/api\/plugins\/([^/]+)\/settings$/.exec(path))) {
      return method === 'GET' ? this.pluginSettings(match[1]) : this.savePluginSettings(match[1], call.body);
    }
    if (method === 'GET' && path === '/api/prometheus/grafana/api/v1/rules') {
      return ok(rulesApiResponse(this.firingRules));
    }
    if ((match = /^\/api\/datasources\/uid\/([^/]+)\/health$/.exec(path)) && method === 'GET') {
      return this.datasourceHealth.get(decodeURIComponent(match[1])) ?? notFound('Data source not found');
    }
    if (path === '/api/folders') {
      return method === 'GET' ? ok(this.folders) : this.createFolder(call.body as { title?: string });
    }
    if ((match = /^\/api\/v1\/provisioning\/folder\/([^/]+)\/rule-groups\/([^/]+)$/.exec(path)) && method === 'PUT') {
      const key = `${decodeURIComponent(match[1])}/${decodeURIComponent(match[2])}`;
      this.ruleGroups.set(key, call.body);
      return ok(call.body);
    }
    if (path === '/api/user/preferences') {
      if (method === 'PUT' || method === 'PATCH') {
        const language = (call.body as { language?: unknown })?.language;
        if (typeof language === 'string') {
          this.userLanguage = language;
        }
        return ok({ message: 'Preferences updated' });
      }
      return ok({
        language: this.userLanguage,
        theme: 'dark',
        timezone: 'utc',
      });
    }
    if (path === '/api/playlists') {
      return method === 'GET'
        ? ok(
            [...this.playlists.values()].map(({ uid, name, interval }) => ({
              uid,
              name,
              interval,
            }))
          )
        : this.createPlaylist(call.body as Record<string, unknown>);
    }
    if ((match = /^\/api\/playlists\/([^/]+)$/.exec(path)) && method === 'PUT') {
      const uid = decodeURIComponent(match[1]);
      if (!this.playlists.has(uid)) {
        return notFound('Playlist not found');
      }
      this.playlists.set(uid, { uid, ...(call.body as object) });
      return ok({ uid, ...(call.body as object) });
    }
    return notFound(`Not found: ${method} ${path} (the e2e host answers only the API the plugins use)`);
  }

  /** Groups stored through the provisioning API, by `<folderUid>/<group>`. */
  storedRuleGroups(): Map<string, unknown> {
    return this.ruleGroups;
  }

  storedPlaylists(): Map<string, Record<string, unknown>> {
    return this.playlists;
  }

  private pluginSettings(id: string): ApiAnswer {
    const build = this.plugins[id];
    if (!build) {
      return notFound('Plugin not found, no installed plugin with that id');
    }
    const json = build.pluginJson;
    return ok({
      ...json,
      enabled: true,
      pinned: true,
      module: `public/plugins/${id}/module.js`,
      baseUrl: `public/plugins/${id}`,
      translations: pluginTranslations(json),
      jsonData: this.appSettings[id] ?? {},
      secureJsonFields: {},
      defaultNavUrl: `/a/${id}/home`,
      hasUpdate: false,
      signature: 'unsigned',
    });
  }

  private savePluginSettings(id: string, body: unknown): ApiAnswer {
    if (!this.plugins[id]) {
      return notFound('Plugin not found, no installed plugin with that id');
    }
    this.appSettings[id] = ((body as { jsonData?: Record<string, unknown> })?.jsonData ?? {}) as Record<
      string,
      unknown
    >;
    return ok({ message: 'Plugin settings updated' });
  }

  private createFolder(body: { title?: string }): ApiAnswer {
    if (!body?.title) {
      return { status: 400, body: { message: 'folder title cannot be empty' } };
    }
    const folder = {
      id: this.folders.length + 1,
      uid: `folder-${this.folders.length + 1}`,
      title: body.title,
    };
    this.folders.push(folder);
    return ok({ ...folder, url: `/dashboards/f/${folder.uid}/`, version: 1 });
  }

  private createPlaylist(body: Record<string, unknown>): ApiAnswer {
    const uid = typeof body?.uid === 'string' && body.uid ? body.uid : `playlist-${this.playlists.size + 1}`;
    this.playlists.set(uid, { ...body, uid });
    return ok({ ...body, uid });
  }
}

/**
 * Grafana's backend lists a plugin's locale files from plugin.json `languages` (plugin meta `translations`):
 * `public/plugins/<id>/locales/<language>/<id>.json` for each language.
 */
export function pluginTranslations(pluginJson: { id: string; languages?: string[] }): Record<string, string> {
  return Object.fromEntries(
    (pluginJson.languages ?? []).map((language) => [
      language,
      `public/plugins/${pluginJson.id}/locales/${language}/${pluginJson.id}.json`,
    ])
  );
}

const ok = (body: unknown): ApiAnswer => ({ status: 200, body });
const notFound = (message: string): ApiAnswer => ({
  status: 404,
  body: { message },
});

export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}
