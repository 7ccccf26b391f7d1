import { useTranslation } from 'react-i18next';
import { useApi, useConnection } from '../api/api-context';
import { LANGUAGES } from '../i18n/i18n';
import { useLanguage } from '../i18n/use-language';

export function AppHeader({ onHelp }: { onHelp(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const state = useConnection();
  const { language, setLanguage } = useLanguage();
  // Inside Electron the database is on this machine; "online" would suggest the internet.
  const label =
    api.host === 'electron' && state === 'online' ? t('connection.local') : t(`connection.${state}`);
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          P
        </span>
        Packdesk
      </div>
      <div className="header-right">
        <span className={`conn conn-${state}`} role="status" title={t(`connection.${state}Hint`)}>
          <span className="conn-dot" aria-hidden="true" />
          {label}
        </span>
        <div className="lang-switch" role="group" aria-label={t('language.label')}>
          {LANGUAGES.map((l) => (
            <button
              key={l}
              type="button"
              lang={l}
              aria-pressed={language === l}
              onClick={() => void setLanguage(l)}
            >
              {t(`language.short.${l}`)}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="btn-icon"
          onClick={onHelp}
          aria-label={t('shortcuts.title')}
          title={t('shortcuts.title')}
        >
          ?
        </button>
      </div>
    </header>
  );
}
