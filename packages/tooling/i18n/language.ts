// Renders a plugin in another language in Jest the way Grafana does in a browser: the language's locale file
// added to i18next under the plugin's namespace, i18next switched to it, and the viewer's language recorded as
// the plugin's module.ts does.
import { initPluginTranslations } from '@grafana/i18n';
import { setViewerLanguage } from '@opentruss/contract';
import i18next from 'i18next';

export async function usePluginLanguage(
  pluginId: string,
  language: string,
  localeFiles: Record<string, object>
): Promise<void> {
  await initPluginTranslations(pluginId);
  const file = localeFiles[language];
  if (file) {
    i18next.addResourceBundle(language, pluginId, file, true, true);
  }
  await i18next.changeLanguage(language);
  setViewerLanguage(language);
}
