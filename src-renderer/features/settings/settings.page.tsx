import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../i18n/i18n';
import { useLanguage } from '../../i18n/use-language';
import { BoxesSection } from './boxes.section';
import { ChannelsSection } from './channels.section';
import { SupervisorPinSection } from './supervisor-pin.section';
import { WarehousesSection } from './warehouses.section';
import { WaybillAccountsSection } from '../waybill/waybill-accounts.section';
import './settings.css';

function LanguageSection() {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  return (
    <section className="settings-section" aria-labelledby="settings-language">
      <h2 id="settings-language">{t('settings.language.title')}</h2>
      <p className="muted small">{t('settings.language.intro')}</p>
      <div className="radio-row" role="radiogroup" aria-labelledby="settings-language">
        {LANGUAGES.map((l: Language) => (
          <label key={l} className="radio">
            <input
              type="radio"
              name="ui-language"
              checked={language === l}
              onChange={() => void setLanguage(l)}
            />
            {t(`language.${l}`)}
          </label>
        ))}
      </div>
    </section>
  );
}

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <div className="settings-page">
      <div className="page-head">
        <h1>{t('nav.settings')}</h1>
      </div>
      <LanguageSection />
      <WarehousesSection />
      <ChannelsSection />
      <SupervisorPinSection />
      <BoxesSection />
      <WaybillAccountsSection />
    </div>
  );
}
