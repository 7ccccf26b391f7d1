import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../src-shared/contract/orders.contract';
import type { AppError } from '../../../src-shared/result';
import { useApi } from '../../api/api-context';
import { ErrorBanner } from '../../ui/error-banner';
import { StatusBadge } from '../../ui/status-badge';
import { formatDateTime, formatMoney } from '../../ui/format';
import { AllocationExplain } from '../inventory/allocation-explain';
import { USUAL_ADDRESS_REASON } from '../../../src-shared/contract/order-entry.schema';
import { OrderChangesTable } from './order-changes.section';
import { OrderCustomerSummary } from './order-customer.section';
import { OrderDocuments } from './order-documents.section';
import { OrderWaybill } from '../waybill/order-waybill.section';
import { OrderAddress, OrderLinesTable } from './order-detail.sections';
import { useOrderRead } from './order-facts.hooks';
import { OrderHistoryTimeline } from './order-history.timeline';
import { useOrders } from './orders.store';
import { PresalePanel } from './presale.panel';
import { SplitPanel } from './split.panel';
import { TransitionControls } from './transition-controls';
import { orderReasonText } from './order-note-text';
import './order-detail.css';

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <section className="drawer-section">
    <h3>{title}</h3>
    {children}
  </section>
);

/**
 * A side panel rather than a modal: keyboard focus stays in the queue, so j/k keep moving
 * and the drawer follows the cursor, and Esc closes it.
 */
export function OrderDetailDrawer({ onClosed }: { onClosed(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useOrders((s) => s.openId);
  const open = useOrders((s) => s.open);
  const transition = useOrders((s) => s.transition);
  const facets = useOrders((s) => s.facets);
  const [order, setOrder] = useState<OrderDetail | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const changes = useOrderRead('standardize.changes', id ?? 0, id === null ? null : { orderId: id });

  const load = useCallback(
    async (orderId: number, isCurrent: () => boolean) => {
      const r = await api.call('orders.get', { id: orderId });
      if (!isCurrent()) return;
      if (r.ok) {
        setOrder(r.value);
        setError(null);
      } else setError(r.error);
    },
    [api],
  );

  useEffect(() => {
    if (id === null) return;
    let current = true;
    void load(id, () => current);
    const off = api.on('orders.changed', ({ ids }) => {
      if (ids.includes(id)) void load(id, () => current);
    });
    return () => {
      current = false;
      off();
    };
  }, [api, id, load]);

  const close = useCallback(() => {
    open(null);
    setOrder(null);
    onClosed();
  }, [open, onClosed]);

  useEffect(() => {
    if (id === null) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [id, close]);

  if (id === null) return null;
  const shown = order && order.id === id ? order : null;
  return (
    <aside className="drawer" aria-label={t('orders.detail.label')} aria-busy={!shown}>
      <header className="drawer-head">
        <div>
          <h2 className="mono">{shown?.externalId ?? '…'}</h2>
          {shown && (
            <div className="drawer-meta">
              <StatusBadge status={shown.status} />
              <span title={shown.channel}>
                {facets?.channel.find((c) => c.code === shown.channel)?.name ?? shown.channel}
              </span>
              <span>{t(`orderType.${shown.type}`)}</span>
              <span className="mono">{formatDateTime(shown.placedAt)}</span>
              <strong className="mono">{formatMoney(shown.totalMinor, shown.currency)}</strong>
            </div>
          )}
        </div>
        <button
          type="button"
          className="btn-icon"
          aria-label={t('common.close')}
          title={t('common.closeEsc')}
          onClick={close}
        >
          ×
        </button>
      </header>
      {error && <ErrorBanner error={error} />}
      {shown ? (
        <div className="drawer-body">
          <TransitionControls
            key={shown.id}
            options={shown.allowedNext}
            count={1}
            onApply={(to, reason) => transition([shown.id], to, reason)}
          />
          <Section title={t('orders.detail.lines')}>
            <OrderLinesTable order={shown} />
            <SplitPanel key={shown.id} order={shown} />
            <PresalePanel key={`presale-${shown.id}`} order={shown} />
          </Section>
          <div className="drawer-columns">
            <Section title={t('orders.detail.customer')}>
              <div>{shown.customer.name || '—'}</div>
              <div className="mono muted">{shown.customer.phone}</div>
              {shown.paymentMethod && (
                <div className="small muted">
                  {t('orders.detail.payment')}:{' '}
                  {t(`payment.${shown.paymentMethod}`, { defaultValue: shown.paymentMethod })}
                </div>
              )}
            </Section>
            <Section title={t('orders.detail.address')}>
              {changes?.rows.some((c) => c.reason === USUAL_ADDRESS_REASON) && (
                <div className="flags">
                  <span className="flag flag-info" title={t('orders.address.fromUsualHint')}>
                    {t('orders.address.fromUsual')}
                  </span>
                </div>
              )}
              <OrderAddress address={shown.address} />
            </Section>
          </div>
          <Section title={t('orders.detail.profile')}>
            <OrderCustomerSummary order={shown} />
          </Section>
          <Section title={t('orders.detail.changes')}>
            <OrderChangesTable rows={changes?.rows ?? null} />
          </Section>
          {shown.buyerMessage && (
            <Section title={t('orders.detail.buyerMessage')}>
              <p className="buyer-message">{shown.buyerMessage}</p>
            </Section>
          )}
          <Section title={t('orders.detail.fulfilment')}>
            <dl className="kv">
              <dt>{t('orders.col.warehouse')}</dt>
              <dd>{shown.warehouse ?? '—'}</dd>
              <dt>{t('orders.col.carrier')}</dt>
              <dd>{shown.carrier ?? '—'}</dd>
              <dt>{t('orders.detail.tracking')}</dt>
              <dd className={shown.trackingNumber ? 'mono' : undefined}>{shown.trackingNumber ?? '—'}</dd>
            </dl>
            <AllocationExplain orderId={shown.id} />
            <OrderWaybill key={shown.id} orderId={shown.id} />
          </Section>
          <Section title={t('orders.documents.title')}>
            <OrderDocuments key={shown.id} order={shown} />
          </Section>
          <Section title={t('orders.detail.tags')}>
            {(shown.priority ?? 0) > 0 && (
              <p className="flag flag-info small">{t('orders.detail.priority', { n: shown.priority })}</p>
            )}
            {shown.tags.length ? (
              <div className="tags">
                {shown.tags.map((tag) => (
                  <span key={tag} className="tag">
                    {tag}
                  </span>
                ))}
              </div>
            ) : (
              <p className="muted small">{t('orders.detail.noTags')}</p>
            )}
          </Section>
          <Section title={t('orders.detail.reasons')}>
            {shown.reasons.length ? (
              <ul className="reasons">
                {shown.reasons.map((r, i) => (
                  <li key={i}>{orderReasonText(t, r)}</li>
                ))}
              </ul>
            ) : (
              <p className="muted small">{t('orders.detail.noReasons')}</p>
            )}
          </Section>
          <Section title={t('orders.detail.history')}>
            <OrderHistoryTimeline history={shown.history} />
          </Section>
        </div>
      ) : (
        !error && <div className="drawer-body muted">{t('common.loading')}</div>
      )}
    </aside>
  );
}
