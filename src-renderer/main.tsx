import { createRoot } from 'react-dom/client';
import { startApi } from './api/start';
import { createI18n, isLanguage, languageFromLocales, storedLanguage } from './i18n/i18n';
import { Root } from './app/root';
import './ui/theme.css';

const api = startApi();
const saved = storedLanguage();
const i18n = createI18n(saved ?? languageFromLocales(api.locales.length ? api.locales : navigator.languages));
document.documentElement.lang = i18n.language;

// First visit from this browser: follow the shop's saved choice if there is one.
if (!saved) {
  void api.call('settings.get', { keys: ['ui.language'] }).then((r) => {
    const lang = r.ok ? r.value.values['ui.language'] : null;
    if (isLanguage(lang) && lang !== i18n.language) {
      void i18n.changeLanguage(lang);
      document.documentElement.lang = lang;
    }
  });
}

const el = document.getElementById('root');
if (el) createRoot(el).render(<Root api={api} i18n={i18n} />);
