import { createContext, useContext } from 'react';
import { resolveAppSettings, type ResolvedAppSettings } from '../settings';

/** The app's resolved settings, provided once by App from the plugin's jsonData. */
export const AppSettingsContext = createContext<ResolvedAppSettings>(resolveAppSettings(undefined));

export function useAppSettings(): ResolvedAppSettings {
  return useContext(AppSettingsContext);
}
