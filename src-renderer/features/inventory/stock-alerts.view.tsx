import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../../src-shared/contract';
import type { StockSuggestion } from '../../../src-shared/contract/inventory.contract';
import type { AppError } from '../../../src-shared/result';
import { useApi } from '../../api/api-context';
import { ErrorBanner } from '../../ui/error-banner';
import { formatDateTime } from '../../ui/format';

type AlertRow = OpOutput<'inventory.alerts'>['rows'][number];

/** Suggestions travel as data, so each language words them itself. */
export const suggestionText = (t: TFunction, s: StockSuggestion): string =>
  t(`inventory.suggestion.${s.action}`, {
    from: s.fromWarehouse ?? '',
    quantity: s.quantity ?? 0,
    order: s.orderId ?? '',
  });

/** What a transfer suggestion fills the transfer form with. */
export interface TransferDraft {
  from: string;
  to: string;
  sku: string;
  quantity: number;
}

/** A suggestion as something to do: a transfer opens the filled-in form, an order opens its drawer. */
function SuggestionAction({
  alert,
  s,
  onTransfer,
}: {
  alert: AlertRow;
  s: StockSuggestion;
  onTransfer(d: TransferDraft): void;
}) {
  const { t } = useTranslation();
  const text = suggestionText(t, s);
  if (s.action === 'transfer' && s.fromWarehouse && s.quantity)
    return (
      <button
        type="button"
        className="btn-link"
        onClick={() =>
          onTransfer({ from: s.fromWarehouse!, to: alert.warehouse, sku: alert.sku, quantity: s.quantity! })
        }
      >
        {text}
      </button>
    );
  if ((s.action === 'contact_buyer' || s.action === 'cancel') && s.orderId)
    return <a href={`#/orders?id=${s.orderId}`}>{text}</a>;
  return <>{text}</>;
}

export function StockAlertsView({ onTransfer }: { onTransfer(d: TransferDraft): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [rows, setRows] = useState<AlertRow[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let current = true;
    const load = async () => {
      const r = await api.call('inventory.alerts', { open: true, limit: 200 });
      if (!current) return;
      if (r.ok) setRows(r.value.rows);
      else setError(r.error);
    };
    void load();
    const off = api.on('stock.low', () => void load());
    return () => {
      current = false;
      off();
    };
  }, [api]);

  if (error) return <ErrorBanner error={error} />;
  if (rows === null) return <p className="muted">{t('common.loading')}</p>;
  if (rows.length === 0) return <p className="empty-note">{t('inventory.alerts.empty')}</p>;
  return (
    <table className="data-table stock-alerts">
      <thead>
        <tr>
          <th>{t('inventory.alerts.kind')}</th>
          <th>{t('inventory.col.warehouse')}</th>
          <th>{t('inventory.col.sku')}</th>
          <th className="num">{t('inventory.col.available')}</th>
          <th className="num">{t('inventory.alerts.needed')}</th>
          <th>{t('inventory.alerts.suggestions')}</th>
          <th>{t('inventory.alerts.since')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={a.id}>
            <td>{t(`inventory.alerts.${a.kind}`)}</td>
            <td className="mono">{a.warehouse}</td>
            <td className="mono">{a.sku}</td>
            <td className="num">{a.available}</td>
            <td className="num">{a.threshold}</td>
            <td>
              <ul className="reasons">
                {a.suggestions.map((s, i) => (
                  <li key={i}>
                    <SuggestionAction alert={a} s={s} onTransfer={onTransfer} />
                  </li>
                ))}
              </ul>
            </td>
            <td className="mono small">{formatDateTime(a.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
