import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, zhCN } from './resources';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_STORAGE_KEY = 'packdesk.language';

export const isLanguage = (v: unknown): v is Language =>
  typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);

/** Any Chinese locale (zh, zh-CN, zh-Hans-TW…) gets Simplified Chinese; everything else English. */
export function languageFromLocales(locales: readonly string[]): Language {
  const first = locales.find((l) => typeof l === 'string' && l.length > 0);
  return first?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function storedLanguage(storage: Storage | undefined = globalThis.localStorage): Language | null {
  try {
    const v = storage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(v) ? v : null;
  } catch {
    return null;
  }
}

/** A separate instance per app (and per test), so two renders never share a language by accident. */
export function createI18n(language: Language): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    // Resources are bundled, so initialisation is synchronous and the first paint is translated.
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes already.
    returnNull: false,
  });
  return instance;
}
