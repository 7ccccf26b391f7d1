import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { createPackingStore } from './packing.store';
import { PackStation } from './pack-station.view';
import { createShipStore } from './ship.store';
import { ShipDesk } from './ship-desk.view';
import './packing.css';

type Tab = 'pack' | 'ship';
const tabFromHash = (): Tab => (/^#\/?packing\/ship\b/.test(window.location.hash) ? 'ship' : 'pack');

/**
 * The packing bench and the ship desk on one screen, as two tabs: on a small floor the same
 * person packs and hands parcels to the courier, the packed orders come straight from the bench,
 * and each tab keeps the scanner to itself (only the visible one listens). #/packing/ship opens
 * the ship tab directly.
 */
export function PackingPage() {
  const { t } = useTranslation();
  const api = useApi();
  const packing = useMemo(() => createPackingStore(api), [api]);
  const shipping = useMemo(() => createShipStore(api), [api]);
  const [tab, setTab] = useState<Tab>(tabFromHash);
  // The screen stays mounted when only the part after #/packing changes (a bookmark, a typed
  // address, Back), so the tab follows the hash rather than only the first one.
  useEffect(() => {
    const follow = () => setTab(tabFromHash());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  useEffect(() => {
    void packing.getState().load();
    const offSettings = api.on('settings.changed', () => void packing.getState().load());
    const offJobs = api.on('jobs.changed', () => void packing.getState().refreshPrints());
    return () => {
      offSettings();
      offJobs();
    };
  }, [api, packing]);
  useEffect(() => {
    if (tab !== 'ship') return;
    void shipping.getState().load();
    return api.on('orders.changed', () => void shipping.getState().loadPacked());
  }, [api, shipping, tab]);

  const choose = (next: Tab) => {
    setTab(next);
    window.history.replaceState(null, '', next === 'ship' ? '#/packing/ship' : '#/packing');
  };

  return (
    <div className="packing-page">
      <div className="page-head">
        <h1>{t('nav.packing')}</h1>
        <div
          className="pack-tabs"
          role="tablist"
          aria-label={t('nav.packing')}
          onKeyDown={(e) => {
            if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
            e.preventDefault();
            const next = tab === 'pack' ? 'ship' : 'pack';
            choose(next);
            e.currentTarget.querySelector<HTMLElement>(`[data-tab="${next}"]`)?.focus();
          }}
        >
          {(['pack', 'ship'] as const).map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={tab === id}
              tabIndex={tab === id ? 0 : -1}
              data-tab={id}
              className={`pack-tab ${tab === id ? 'pack-tab-on' : ''}`}
              onClick={() => choose(id)}
            >
              {t(`packing.tab.${id}`)}
            </button>
          ))}
        </div>
      </div>
      {tab === 'pack' ? <PackStation store={packing} /> : <ShipDesk store={shipping} />}
    </div>
  );
}
