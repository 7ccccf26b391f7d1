import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { ShipStore } from './ship.store';

/** Packed orders waiting at the desk: tick several, give one carrier and tracking number. */
export function ShipBulk({ store }: { store: ShipStore }) {
  const { t } = useTranslation();
  const packed = useStore(store, (s) => s.packed);
  const selected = useStore(store, (s) => s.selected);
  const carrier = useStore(store, (s) => s.carrier);
  const busy = useStore(store, (s) => s.busy);
  const [tracking, setTracking] = useState('');
  const all = packed.length > 0 && selected.length === packed.length;
  return (
    <section className="settings-section ship-section" aria-labelledby="ship-bulk" data-no-scan>
      <h2 id="ship-bulk">{t('shipping.bulk.title', { count: packed.length })}</h2>
      {packed.length === 0 ? (
        <p className="empty-note">{t('shipping.bulk.empty')}</p>
      ) : (
        <>
          <table className="data-table">
            <thead>
              <tr>
                <th>
                  <input
                    type="checkbox"
                    aria-label={t('shipping.bulk.all')}
                    checked={all}
                    onChange={(e) => store.getState().selectAll(e.target.checked)}
                  />
                </th>
                <th>{t('shipping.bulk.order')}</th>
                <th>{t('shipping.bulk.recipient')}</th>
                <th>{t('shipping.carrier')}</th>
              </tr>
            </thead>
            <tbody>
              {packed.map((o) => (
                <tr key={o.id}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('shipping.bulk.pick', { order: o.externalId })}
                      checked={selected.includes(o.id)}
                      onChange={() => store.getState().toggle(o.id)}
                    />
                  </td>
                  <td className="mono">
                    {o.externalId} <span className="muted">#{o.id}</span>
                  </td>
                  <td>
                    {o.recipientName} · {o.city}
                  </td>
                  <td>{o.carrier ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <form
            className="inline-form ship-bulk-form"
            onSubmit={(e) => {
              e.preventDefault();
              void store
                .getState()
                .shipSelected(tracking)
                .then((ok) => ok && setTracking(''));
            }}
          >
            <label>
              {t('shipping.bulk.tracking', { carrier })}{' '}
              <input
                aria-label={t('shipping.bulk.trackingLabel')}
                value={tracking}
                onChange={(e) => setTracking(e.target.value)}
              />
            </label>
            <button
              type="submit"
              className="btn btn-primary"
              disabled={busy || !selected.length || !tracking.trim() || !carrier}
            >
              {t('shipping.bulk.ship', { count: selected.length })}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
