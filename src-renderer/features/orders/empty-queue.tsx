import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { errorText } from '../../i18n/error-text';
import { useOrders } from './orders.store';

/**
 * What a new shop sees instead of an empty grid: where orders come from, and a way to look
 * around with demo orders first (the core refuses them once real orders exist).
 */
export function EmptyQueue() {
  const { t } = useTranslation();
  const api = useApi();
  const filter = useOrders((s) => s.filter);
  const refresh = useOrders((s) => s.refresh);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ title: string; detail: string } | null>(null);
  const filtered = Object.values(filter).some((v) => (Array.isArray(v) ? v.length > 0 : Boolean(v)));
  if (filtered) return <div className="q-empty">{t('orders.empty')}</div>;

  const loadDemo = async () => {
    setBusy(true);
    setError(null);
    const r = await api.call('demo.load', { orders: 2000 });
    setBusy(false);
    if (!r.ok) setError(errorText(t, r.error));
    else void refresh();
  };

  return (
    <div className="q-empty q-first-run">
      <p>
        <strong>{t('orders.firstRun.title')}</strong>
      </p>
      <p className="muted">{t('orders.firstRun.body')}</p>
      <p>
        <a className="btn" href="#/import">
          {t('orders.firstRun.import')}
        </a>{' '}
        <button type="button" className="btn" disabled={busy} onClick={() => void loadDemo()}>
          {busy ? t('orders.firstRun.loading') : t('orders.firstRun.demo')}
        </button>
      </p>
      {error && (
        <p className="error-text" role="alert">
          {error.title} {error.detail}
        </p>
      )}
    </div>
  );
}
