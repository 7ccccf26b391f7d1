import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { createInventoryStore } from './inventory.store';
import { BinsView } from './bins.view';
import { RoutingSettingsView } from './routing-settings.view';
import { SkuCatalogView } from './sku-catalog.view';
import { StockAlertsView } from './stock-alerts.view';
import { StockLevelsView } from './stock-levels.view';
import { StockMoveForm } from './stock-move.form';
import { StocktakeForm } from './stocktake.form';
import { ErrorBanner } from '../../ui/error-banner';
import { useStore } from 'zustand';
import './inventory.css';

const TABS = ['levels', 'bins', 'move', 'stocktake', 'alerts', 'skus', 'routing'] as const;
type Tab = (typeof TABS)[number];

/** 库存: levels by warehouse and bin, ledger per SKU, receipts/adjustments/transfers, stocktakes and alerts. */
export function InventoryPage() {
  const { t } = useTranslation();
  const api = useApi();
  const [store] = useState(() => createInventoryStore(api));
  const error = useStore(store, (s) => s.error);
  const warehouses = useStore(store, (s) => s.warehouses);
  const [tab, setTab] = useState<Tab>('levels');

  useEffect(() => {
    void store.getState().init();
    const off = api.on('settings.changed', ({ what }) => {
      if (what === 'warehouses') void store.getState().init();
    });
    return off;
  }, [api, store]);

  return (
    <div className="inventory-page">
      <div className="page-head">
        <h1>{t('nav.inventory')}</h1>
        <div className="inventory-tabs" role="tablist">
          {TABS.map((k) => (
            <button
              key={k}
              type="button"
              role="tab"
              aria-selected={tab === k}
              className={tab === k ? 'btn btn-primary' : 'btn'}
              onClick={() => setTab(k)}
            >
              {t(`inventory.tab.${k}`)}
            </button>
          ))}
        </div>
      </div>
      {error && <ErrorBanner error={error} onDismiss={() => store.getState().setError(null)} />}
      {tab === 'levels' && <StockLevelsView store={store} />}
      {tab === 'bins' && <BinsView warehouses={warehouses} />}
      {tab === 'move' && <StockMoveForm store={store} />}
      {tab === 'stocktake' && <StocktakeForm store={store} />}
      {tab === 'alerts' && <StockAlertsView />}
      {tab === 'skus' && <SkuCatalogView />}
      {tab === 'routing' && <RoutingSettingsView />}
    </div>
  );
}
