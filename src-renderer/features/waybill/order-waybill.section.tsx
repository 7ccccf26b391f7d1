import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderWaybill as View } from '../../../src-shared/contract/waybill.contract';
import type { AppError } from '../../../src-shared/result';
import { useApi } from '../../api/api-context';
import { errorText } from '../../i18n/error-text';
import { waybillErrorText } from './waybill-error-text';

/** Loads an order's platform e-waybill and follows the worker's changes to it. */
export function useOrderWaybill(orderId: number | null) {
  const api = useApi();
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const load = useCallback(async () => {
    if (orderId === null) return setView(null);
    const r = await api.call('waybill.order', { orderId });
    if (r.ok) {
      setView(r.value);
      setError(null);
    } else setError(r.error);
  }, [api, orderId]);
  useEffect(() => {
    void load();
    const off = [
      api.on('waybills.changed', (p) => {
        if (orderId !== null && p.orderIds.includes(orderId)) void load();
      }),
      api.on('jobs.changed', () => void load()),
    ];
    return () => off.forEach((f) => f());
  }, [api, load, orderId]);
  return { view, setView, error, setError, reload: load };
}

/** The number, its state in words and, when it is waiting or refused, why. */
export function WaybillState({ view }: { view: View }) {
  const { t } = useTranslation();
  const w = view.current;
  if (!w)
    return (
      <p className="small" data-testid="waybill-state">
        {t('waybill.state.none', { carrier: view.carrier ?? '—' })}
      </p>
    );
  return (
    <div data-testid="waybill-state">
      <dl className="kv">
        <dt>{t('waybill.number')}</dt>
        <dd className={w.waybillCode ? 'mono' : undefined}>{w.waybillCode ?? '—'}</dd>
        <dt>{t('waybill.stateLabel')}</dt>
        <dd
          className={w.state === 'failed' ? 'field-error' : w.state === 'active' ? 'state-good' : undefined}
        >
          {w.accountMissing
            ? t('waybill.state.noAccount', {
                carrier: w.carrier,
                platform: t(`waybill.platform.${w.platform}`),
              })
            : t(`waybill.state.${w.state}`, { carrier: w.carrier })}
          {w.printWhenReady && ` · ${t('waybill.printWhenReady')}`}
        </dd>
        {view.printJob && (
          <>
            <dt>{t('waybill.print')}</dt>
            <dd>{t(`waybill.job.${view.printJob.status}`, { printer: view.printJob.printerName })}</dd>
          </>
        )}
      </dl>
      {w.lastError && w.state !== 'active' && (
        <p className="muted small">{waybillErrorText(t, w.lastError)}</p>
      )}
    </div>
  );
}

/**
 * The order drawer's e-waybill: number and state, "Fetch now" while there is none (or the
 * platform refused it; not while the order's platform has no account — there is nothing to ask),
 * "Reprint" with a reason once there is one. Nothing for orders whose
 * carrier prints Packdesk's own label.
 */
export function OrderWaybill({ orderId }: { orderId: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const { view, setView, error, setError, reload } = useOrderWaybill(orderId);
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (!view || (!view.platformLabel && !view.current && !view.history.length)) return null;
  const w = view.current;

  const fetchNow = async () => {
    setBusy(true);
    setDone(null);
    const r = await api.call('waybill.fetch', { orderIds: [orderId] });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setView(r.value.rows[0]!);
  };
  const reprint = async () => {
    if (!reason?.trim()) return;
    setBusy(true);
    const r = await api.call('waybill.reprint', { orderId, reason: reason.trim() });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setReason(null);
    setDone(t('waybill.reprinted'));
    void reload();
  };

  return (
    <div className="order-waybill" aria-label={t('waybill.title')} role="group">
      <h4>{t('waybill.title')}</h4>
      <WaybillState view={view} />
      <div className="inline-form">
        {view.platformLabel && (!w || (w.state !== 'active' && !w.accountMissing)) && (
          <button type="button" className="btn" disabled={busy} onClick={() => void fetchNow()}>
            {busy ? t('waybill.fetching') : t('waybill.fetchNow')}
          </button>
        )}
        {w?.state === 'active' && reason === null && (
          <button type="button" className="btn" disabled={busy} onClick={() => setReason('')}>
            {t('waybill.reprint')}
          </button>
        )}
      </div>
      {reason !== null && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void reprint();
          }}
        >
          <label>
            {t('waybill.reprintReason')}{' '}
            <input
              autoFocus
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setReason(null);
              }}
            />
          </label>
          <button type="submit" className="btn btn-primary" disabled={busy || !reason.trim()}>
            {t('waybill.reprint')}
          </button>
          <button type="button" className="btn" onClick={() => setReason(null)}>
            {t('common.cancel')}
          </button>
        </form>
      )}
      {done && (
        <p className="small" role="status">
          {done}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {errorText(t, error).detail}
        </p>
      )}
      {view.history.length > 0 && (
        <p className="muted small">
          {t('waybill.history', {
            list: view.history
              .map(
                (h) => `${h.waybillCode ?? '—'} (${t(`waybill.state.${h.state}`, { carrier: h.carrier })})`,
              )
              .join(', '),
          })}
        </p>
      )}
    </div>
  );
}
