import { useTranslation } from 'react-i18next';
import { suggestionText } from '../features/inventory/stock-alerts.view';
import { alertText } from './alert-text';
import { useAlertToasts, type AlertToast } from './use-alert-toasts';

/**
 * New warnings in a corner of every screen. Never takes focus (a scanner on Packing or Picking
 * keeps typing into its field) and has no global keys; each notice is a plain region with a
 * link to Inventory → Alerts and a Dismiss button, both in the normal Tab order.
 */
export function AlertToasts() {
  const { t } = useTranslation();
  const { toasts, dismiss } = useAlertToasts();
  return (
    <section className="alert-toasts" aria-label={t('toasts.label')} aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.key} className={`alert-toast alert-toast-${toast.level}`} role="status">
          <div className="alert-toast-body">
            <strong>{headline(t, toast)}</strong>
            {toast.kind === 'stock' && (
              <ul>
                {(toast.suggestions?.map((s) => suggestionText(t, s)) ?? toast.texts).map((text, i) => (
                  <li key={i}>{text}</li>
                ))}
              </ul>
            )}
            <a href="#/inventory/alerts" onClick={() => dismiss(toast.key)}>
              {t('toasts.open')}
            </a>
          </div>
          <button
            type="button"
            className="btn alert-toast-close"
            aria-label={t('toasts.dismiss', { what: headline(t, toast) })}
            onClick={() => dismiss(toast.key)}
          >
            ×
          </button>
        </div>
      ))}
    </section>
  );
}

function headline(t: ReturnType<typeof useTranslation>['t'], toast: AlertToast): string {
  if (toast.kind === 'message') return alertText(t, toast.message);
  return t(`toasts.${toast.alertKind}`, {
    sku: toast.sku,
    warehouse: toast.warehouse,
    available: toast.available,
    threshold: toast.threshold,
  });
}
