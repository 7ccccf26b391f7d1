import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManualTarget } from '../../../src-shared/domain/order-status';
import type { AppError, Result } from '../../../src-shared/result';
import { ErrorBanner } from '../../ui/error-banner';

/** Cancelling releases stock reservations and cannot be undone, so it asks once more. */
const NEEDS_CONFIRM: readonly ManualTarget[] = ['cancelled'];

/**
 * Buttons for the statuses the state machine allows, an optional reason (stored in the audit
 * entry) and the error of the last attempt. Shared by the bulk bar and the detail drawer.
 */
export function TransitionControls(props: {
  options: ManualTarget[];
  count: number;
  onApply(to: ManualTarget, reason: string): Promise<Result<unknown>>;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<ManualTarget | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const apply = async (to: ManualTarget) => {
    if (NEEDS_CONFIRM.includes(to) && confirming !== to) return setConfirming(to);
    setConfirming(null);
    setBusy(true);
    setError(null);
    const r = await props.onApply(to, reason);
    setBusy(false);
    if (r.ok) setReason('');
    else setError(r.error);
  };

  if (props.options.length === 0) return <p className="muted small">{t('orders.transition.none')}</p>;
  return (
    <div className="transition-controls">
      <div className="transition-buttons">
        {props.options.map((to) => (
          <button
            key={to}
            type="button"
            className={`btn${to === 'cancelled' ? ' btn-danger' : ''}${confirming === to ? ' is-confirming' : ''}`}
            disabled={busy}
            onClick={() => void apply(to)}
          >
            {confirming === to
              ? t('orders.transition.confirm', { count: props.count })
              : t(`orders.action.${to}`)}
          </button>
        ))}
        <input
          className="reason"
          value={reason}
          maxLength={500}
          placeholder={t('orders.transition.reasonPlaceholder')}
          aria-label={t('orders.transition.reason')}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
    </div>
  );
}
