// SystemJS with its AMD and named-register extras — the loader Grafana uses for plugin modules
// (public/app/features/plugins/loader/systemjs.ts) — configured the way Grafana's plugin loader configures it.
import 'systemjs/dist/system.js';
import 'systemjs/dist/extras/amd.js';
import 'systemjs/dist/extras/named-register.js';

import { sharedDependencies } from './sharedDependencies';

declare global {
  interface Window {
    __grafana_amd_define?: unknown;
  }
}

/** Shared modules are registered under this URL scheme and bare names map onto it (Grafana's `package:`). */
const SHARED_DEPENDENCY_PREFIX = 'package';
const JS_CONTENT_TYPE = /^(text|application)\/(x-)?javascript(;|$)/;
const SYSTEM_MODULE = /System\.register\(/;

type SystemJSPrototype = {
  shouldFetch: (url: string) => boolean;
  fetch: (url: string, options?: RequestInit) => Promise<Response>;
};

/** The global the imports above create (Grafana exports it the same way). */
export const SystemJS: typeof System = System;

export function configureSystemJS(): void {
  // Grafana wraps AMD plugin code so its `define` is always SystemJS's, whatever else set a global `define`.
  window.__grafana_amd_define = (window as unknown as { define: unknown }).define;
  const imports: Record<string, string> = {};
  for (const [name, module] of Object.entries(sharedDependencies)) {
    const url = `${SHARED_DEPENDENCY_PREFIX}:${name}`;
    SystemJS.set(url, module as System.Module);
    imports[name] = url;
  }
  SystemJS.addImportMap({ imports });

  const prototype = Object.getPrototypeOf(SystemJS) as SystemJSPrototype;
  const systemFetch = prototype.fetch;
  // As Grafana: fetch + eval instead of script tags, so the AMD source can be wrapped.
  prototype.shouldFetch = () => true;
  prototype.fetch = async function (url: string, options?: RequestInit) {
    const response = await systemFetch.call(this, url, options);
    const contentType = response.headers.get('content-type') ?? '';
    if (!response.ok || !JS_CONTENT_TYPE.test(contentType)) {
      return response;
    }
    const source = await response.text();
    const wrapped = SYSTEM_MODULE.test(source)
      ? source
      : `(function(define) {\n${source}\n})(window.__grafana_amd_define);`;
    return new Response(new Blob([wrapped], { type: 'text/javascript' }));
  };
}
