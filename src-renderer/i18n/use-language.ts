import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context';
import { LANGUAGE_STORAGE_KEY, isLanguage, type Language } from './i18n';

/**
 * The choice is stored locally at once (the next start must not flash the other language) and
 * in the database, so a handheld opening `packdesk serve` for the first time gets the shop's choice.
 */
export function useLanguage(): { language: Language; setLanguage(l: Language): Promise<void> } {
  const { i18n } = useTranslation();
  const api = useApi();
  const language: Language = isLanguage(i18n.language) ? i18n.language : 'en';
  const setLanguage = useCallback(
    async (next: Language) => {
      try {
        globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, next);
      } catch {
        // Storage may be unavailable (private mode); the database copy still remembers.
      }
      await i18n.changeLanguage(next);
      document.documentElement.lang = next;
      const r = await api.call('settings.set', { key: 'ui.language', value: next });
      if (!r.ok) console.warn('Could not save the language setting:', r.error.message);
    },
    [api, i18n],
  );
  return { language, setLanguage };
}
