import { usePluginLanguage } from '@opentruss/tooling/i18n/language';
import pluginJson from '../plugin.json';
import zhHans from '../locales/zh-Hans/opentruss-memgraph-datasource.json';

/** The datasource in `language` (its locale file as Grafana would load it); back to 'en-US' after a test. */
export const useLanguage = (language: 'en-US' | 'zh-Hans') =>
  usePluginLanguage(pluginJson.id, language, { 'zh-Hans': zhHans });
