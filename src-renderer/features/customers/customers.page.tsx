import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { CUSTOMER_SORTS } from '../../../src-shared/contract/customers.contract';
import { useApi } from '../../api/api-context';
import { formatMajor } from '../../../src-shared/domain/money';
import { ErrorBanner } from '../../ui/error-banner';
import { formatCount } from '../../ui/format';
import { CustomerProfileView } from './customer-profile.view';
import { createCustomersStore } from './customers.store';
import './customers.css';

/** Typing settles this long before the list searches; Enter searches at once. */
const SEARCH_DEBOUNCE_MS = 250;

/** 客户: profiles linked across channels, with spend and RFM segment; a row opens the profile. */
export function CustomersPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [store] = useState(() => createCustomersStore(api));
  const s = useStore(store);
  useEffect(() => {
    void store.getState().load();
  }, [store]);
  // Searches as the user types: a phone's first digits narrow the list without pressing Enter.
  const searched = useRef(s.search);
  useEffect(() => {
    if (s.search === searched.current) return;
    searched.current = s.search;
    const timer = setTimeout(() => void store.getState().load(), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [store, s.search]);
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
        <label className="customers-sort">
          {t('customersPage.sortLabel')}{' '}
          <select
            value={s.sort}
            onChange={(e) => void store.getState().setSort(e.target.value as (typeof CUSTOMER_SORTS)[number])}
          >
            {CUSTOMER_SORTS.map((x) => (
              <option key={x} value={x}>
                {t(`customersPage.sort.${x}`)}
              </option>
            ))}
          </select>
        </label>
        {s.total !== null && (
          <span className="muted" aria-live="polite">
            {t('customersPage.count', { count: s.total, n: formatCount(s.total, i18n.language) })}
          </span>
        )}
      </div>
      {s.segments.length > 0 && (
        <div className="status-chips segment-chips" role="group" aria-label={t('customersPage.segmentLabel')}>
          {s.segments.map((x) => (
            <button
              key={x.segment}
              type="button"
              className="chip"
              aria-pressed={s.segment === x.segment}
              onClick={() => void store.getState().setSegment(s.segment === x.segment ? null : x.segment)}
            >
              {t(`customersPage.segment.${x.segment}`)}
              <span className="count">{formatCount(x.count, i18n.language)}</span>
            </button>
          ))}
        </div>
      )}
      {s.error && <ErrorBanner error={s.error} onDismiss={() => store.getState().setError(null)} />}
      <div className="customers-body">
        <div className="customers-list">
          <table className="data-table">
            <thead>
              <tr>
                <th>{t('customersPage.name')}</th>
                <th>{t('customersPage.phone')}</th>
                <th className="num">{t('customersPage.orders')}</th>
                <th className="num">{t('customersPage.spend')}</th>
                <th>{t('customersPage.lastOrder')}</th>
                <th>{t('customersPage.segmentLabel')}</th>
              </tr>
            </thead>
            <tbody>
              {s.rows.map((c) => (
                <tr key={c.id} className={s.selected?.id === c.id ? 'selected' : ''}>
                  <td>
                    <button
                      type="button"
                      className="btn-link"
                      onClick={() => void store.getState().open(c.id)}
                    >
                      {c.name}
                    </button>
                  </td>
                  <td className="mono">{c.phone ?? '—'}</td>
                  <td className="num">{c.orderCount}</td>
                  <td className="num">
                    {c.spend.map((x) => `${formatMajor(x.totalMinor, x.currency)} ${x.currency}`).join(' · ')}
                  </td>
                  <td>{c.lastOrderAt?.slice(0, 10) ?? '—'}</td>
                  <td>
                    <span className={`segment segment-${c.segment}`}>
                      {t(`customersPage.segment.${c.segment}`)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {s.total === 0 && <p className="muted">{t('customersPage.none')}</p>}
          {s.total !== null && s.rows.length < s.total && (
            <button type="button" className="btn" onClick={() => void store.getState().loadMore()}>
              {t('customersPage.more', {
                shown: formatCount(s.rows.length, i18n.language),
                total: formatCount(s.total, i18n.language),
              })}
            </button>
          )}
        </div>
        {s.selected && (
          <CustomerProfileView
            p={s.selected}
            onClose={() => void store.getState().open(null)}
            onMerged={() => void store.getState().merged()}
          />
        )}
      </div>
    </div>
  );
}
