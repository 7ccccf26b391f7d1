import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useApi } from '../../api/api-context';
import { formatMajor } from '../../../src-shared/domain/money';
import { ErrorBanner } from '../../ui/error-banner';
import { CustomerProfileView } from './customer-profile.view';
import { createCustomersStore } from './customers.store';
import './customers.css';

/** 客户: profiles linked across channels, with spend and RFM segment; a row opens the profile. */
export function CustomersPage() {
  const { t } = useTranslation();
  const api = useApi();
  const [store] = useState(() => createCustomersStore(api));
  const s = useStore(store);
  useEffect(() => {
    void store.getState().load();
  }, [store]);
  return (
    <div className="customers-page">
      <div className="page-head">
        <h1>{t('nav.customers')}</h1>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void store.getState().load();
          }}
        >
          <input
            type="search"
            aria-label={t('customersPage.search')}
            placeholder={t('customersPage.search')}
            value={s.search}
            onChange={(e) => store.getState().setSearch(e.target.value)}
          />
        </form>
        {s.total !== null && <span className="muted">{t('customersPage.count', { n: s.total })}</span>}
      </div>
      {s.error && <ErrorBanner error={s.error} onDismiss={() => store.getState().setError(null)} />}
      <div className="customers-body">
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('customersPage.name')}</th>
              <th>{t('customersPage.phone')}</th>
              <th>{t('customersPage.orders')}</th>
              <th>{t('customersPage.spend')}</th>
              <th>{t('customersPage.lastOrder')}</th>
              <th>{t('customersPage.segmentLabel')}</th>
            </tr>
          </thead>
          <tbody>
            {s.rows.map((c) => (
              <tr key={c.id} className={s.selected?.id === c.id ? 'selected' : ''}>
                <td>
                  <button type="button" className="btn-link" onClick={() => void store.getState().open(c.id)}>
                    {c.name}
                  </button>
                </td>
                <td>{c.phone ?? '—'}</td>
                <td>{c.orderCount}</td>
                <td>
                  {c.spend.map((x) => `${formatMajor(x.totalMinor, x.currency)} ${x.currency}`).join(' · ')}
                </td>
                <td>{c.lastOrderAt?.slice(0, 10) ?? '—'}</td>
                <td>{t(`customersPage.segment.${c.segment}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {s.selected && (
          <CustomerProfileView p={s.selected} onClose={() => void store.getState().open(null)} />
        )}
      </div>
    </div>
  );
}
