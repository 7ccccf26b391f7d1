import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { AppError } from '../../../src-shared/result';
import { useApi } from '../../api/api-context';
import { errorText } from '../../i18n/error-text';
import { saveFile } from '../picking/save-file';
import type { ShipStore } from './ship.store';

/** Today on this machine's calendar, as the core's manifest day (YYYY-MM-DD). */
const localToday = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** End of the day: the carrier's handover list (交接清单) of the day's parcels, as a PDF for the driver. */
export function ShipManifest({ store }: { store: ShipStore }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const carriers = useStore(store, (s) => s.carriers);
  const deskCarrier = useStore(store, (s) => s.carrier);
  const [carrier, setCarrier] = useState('');
  const [date, setDate] = useState(localToday);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = carrier || deskCarrier;

  const download = async () => {
    setBusy(true);
    const language = i18n.language.startsWith('zh') ? 'zh' : 'en';
    const r = await api.call('documents.render', { kind: 'manifest', carrier: chosen, date, language });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    const bytes = Uint8Array.from(atob(r.value.base64), (c) => c.charCodeAt(0));
    saveFile(new Blob([bytes], { type: r.value.mime }), r.value.filename);
  };

  return (
    <section className="settings-section ship-section" aria-labelledby="ship-manifest" data-no-scan>
      <h2 id="ship-manifest">{t('shipping.manifest.title')}</h2>
      <p className="muted small">{t('shipping.manifest.hint')}</p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void download();
        }}
      >
        <label>
          {t('shipping.manifest.carrier')}{' '}
          <select value={chosen} onChange={(e) => setCarrier(e.target.value)}>
            {!carriers.some((c) => c.code === chosen) && <option value={chosen}>{chosen || '—'}</option>}
            {carriers.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code} · {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('shipping.manifest.date')}{' '}
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
        </label>
        <button type="submit" className="btn" disabled={busy || !chosen || !date}>
          {t('shipping.manifest.download')}
        </button>
      </form>
      {error && (
        <p className="field-error" role="alert">
          {errorText(t, error).detail}
        </p>
      )}
    </section>
  );
}
