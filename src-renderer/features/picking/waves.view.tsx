import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useApi } from '../../api/api-context';
import { ErrorBanner } from '../../ui/error-banner';
import { formatDateTime } from '../../ui/format';
import { PickListActions } from './pick-list-actions';
import { ProgressBar } from './progress-bar';
import { WaveCreateForm } from './wave-create.form';
import { createWavesStore, type WavesStore } from './waves.store';

/** Create waves from allocated orders and follow the open ones. */
export function WavesView({ onOpen }: { onOpen(id: number): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const store = useMemo(() => createWavesStore(api), [api]);
  const error = useStore(store, (s) => s.error);
  const notice = useStore(store, (s) => s.notice);

  useEffect(() => {
    void store.getState().load();
    // Orders moving (another wave, a short pick, cancellations) change counts and progress.
    return api.on('orders.changed', () => void store.getState().loadWaves());
  }, [api, store]);

  return (
    <div className="settings-page picking-page">
      <div className="page-head">
        <h1>{t('nav.picking')}</h1>
      </div>
      {error && <ErrorBanner error={error} onDismiss={() => store.getState().dismiss()} />}
      {notice?.kind === 'printed' && (
        <p className="notice" role="status">
          {t('picking.waves.printed', { printer: notice.printer })}
        </p>
      )}
      <WaveCreateForm store={store} onOpen={onOpen} />
      <WavesList store={store} onOpen={onOpen} />
    </div>
  );
}

function WavesList({ store, onOpen }: { store: WavesStore; onOpen(id: number): void }) {
  const { t } = useTranslation();
  const waves = useStore(store, (s) => s.waves);
  const [showDone, setShowDone] = useState(false);
  const shown = waves.filter((w) => showDone || w.picked < w.required);
  return (
    <section className="settings-section" aria-labelledby="waves-title">
      <div className="section-head">
        <h2 id="waves-title">{t('picking.waves.title')}</h2>
        <label className="check-field">
          <input type="checkbox" checked={showDone} onChange={(e) => setShowDone(e.target.checked)} />
          {t('picking.waves.showDone')}
        </label>
      </div>
      {shown.length === 0 ? (
        <p className="empty-note">{t('picking.waves.empty')}</p>
      ) : (
        <ul className="wave-list">
          {shown.map((w) => (
            <li key={w.id} className="wave-row" data-wave-id={w.id}>
              <div className="wave-row-main">
                <strong>{t('picking.waveN', { id: w.id })}</strong>
                <span className="muted">
                  {w.warehouse} · {formatDateTime(w.createdAt)} ·{' '}
                  {t('picking.waves.orders', { count: w.orders })}
                </span>
              </div>
              <ProgressBar
                picked={w.picked}
                required={w.required}
                label={t('picking.waves.progressOf', { id: w.id })}
              />
              <div className="wave-row-actions">
                <button
                  type="button"
                  id={`wave-open-${w.id}`}
                  className="btn btn-primary"
                  onClick={() => onOpen(w.id)}
                >
                  {w.picked >= w.required && w.required > 0
                    ? t('picking.waves.view')
                    : t('picking.waves.start')}
                </button>
                <PickListActions store={store} waveId={w.id} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
