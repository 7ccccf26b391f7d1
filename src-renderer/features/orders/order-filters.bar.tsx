import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORDER_STATUSES, type OrderStatus } from '../../../src-shared/domain/order-status';
import { ORDER_TYPES, type OrderType } from '../../../src-shared/domain/ids';
import { MultiSelect } from '../../ui/multi-select';
import { formatCount } from '../../ui/format';
import { useOrders } from './orders.store';
import './order-filters.css';

/** Long enough to wait for a clerk to finish typing, short enough to feel live. */
const SEARCH_DEBOUNCE_MS = 300;

/** Mainland regions (cn_east…) use the routing screen's names; abroad the code is a country (US → United States). */
function regionLabel(code: string, t: (key: string) => string, language: string): string {
  if (code.startsWith('cn_')) return t(`routing.region.${code.slice(3)}`);
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function OrderFiltersBar() {
  const { t, i18n } = useTranslation();
  const filter = useOrders((s) => s.filter);
  const facets = useOrders((s) => s.facets);
  const setFilter = useOrders((s) => s.setFilter);
  const resetFilter = useOrders((s) => s.resetFilter);
  const [text, setText] = useState(filter.search ?? '');
  const applied = useRef(filter.search ?? '');

  useEffect(() => {
    if (text.trim() === applied.current) return;
    const timer = setTimeout(() => {
      applied.current = text.trim();
      setFilter({ search: text });
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, setFilter]);

  // A reset elsewhere (the "clear" button) must empty the box too.
  useEffect(() => {
    if ((filter.search ?? '') !== applied.current) {
      applied.current = filter.search ?? '';
      setText(applied.current);
    }
  }, [filter.search]);

  const statuses = filter.status ?? [];
  const toggleStatus = (s: OrderStatus) =>
    setFilter({ status: statuses.includes(s) ? statuses.filter((x) => x !== s) : [...statuses, s] });
  const active = Object.keys(filter).length > 0;

  return (
    <div className="filters">
      <div className="filters-row">
        <input
          type="search"
          className="search"
          data-shortcut-search
          placeholder={t('orders.filter.searchPlaceholder')}
          aria-label={t('orders.filter.search')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              applied.current = text.trim();
              setFilter({ search: text });
            }
          }}
        />
        <MultiSelect
          label={t('orders.filter.channel')}
          allLabel={t('orders.filter.all')}
          options={(facets?.channel ?? []).map((c) => ({ value: c.code, label: c.name, count: c.count }))}
          value={filter.channel ?? []}
          onChange={(channel) => setFilter({ channel })}
        />
        <MultiSelect
          label={t('orders.filter.type')}
          allLabel={t('orders.filter.all')}
          options={ORDER_TYPES.map((v) => ({ value: v, label: t(`orderType.${v}`) }))}
          value={filter.type ?? []}
          onChange={(type) => setFilter({ type: type as OrderType[] })}
        />
        <MultiSelect
          label={t('orders.filter.region')}
          allLabel={t('orders.filter.all')}
          options={(facets?.region ?? []).map((r) => ({
            value: r.code,
            label: regionLabel(r.code, t, i18n.language),
            count: r.count,
          }))}
          value={filter.region ?? []}
          onChange={(region) => setFilter({ region })}
        />
        <label className="date-field">
          <span>{t('orders.filter.from')}</span>
          <input
            type="date"
            value={filter.from ?? ''}
            max={filter.to}
            onChange={(e) => setFilter({ from: e.target.value })}
          />
        </label>
        <label className="date-field">
          <span>{t('orders.filter.to')}</span>
          <input
            type="date"
            value={filter.to ?? ''}
            min={filter.from}
            onChange={(e) => setFilter({ to: e.target.value })}
          />
        </label>
        {active && (
          <button type="button" className="btn-link" onClick={resetFilter}>
            {t('orders.filter.clear')}
          </button>
        )}
      </div>
      <div className="status-chips" role="group" aria-label={t('orders.filter.status')}>
        {ORDER_STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            className={`chip chip-${s}`}
            aria-pressed={statuses.includes(s)}
            onClick={() => toggleStatus(s)}
          >
            <span className={`dot dot-${s}`} aria-hidden="true" />
            {t(`status.${s}`)}
            <span className="count">{formatCount(facets?.status[s] ?? 0, i18n.language)}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
