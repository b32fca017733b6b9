// Renders the plugin in another language in Jest the way Grafana does in a browser: the language's file added to
// i18next under the plugin's namespace, i18next switched to it, and the language module.tsx records set.
import { initPluginTranslations } from '@grafana/i18n';
import i18next from 'i18next';
import { setViewerLanguage } from '../i18n/viewerLanguage';
import pluginJson from '../plugin.json';
import zhHans from '../locales/zh-Hans/opentruss-app.json';

const FILES: Record<string, object> = { 'zh-Hans': zhHans };

export async function useLanguage(language: 'en-US' | 'zh-Hans'): Promise<void> {
  await initPluginTranslations(pluginJson.id);
  if (FILES[language]) {
    i18next.addResourceBundle(language, pluginJson.id, FILES[language], true, true);
  }
  await i18next.changeLanguage(language);
  setViewerLanguage(language);
}
