import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { AppError } from '../../../src-shared/result';
import { useApi } from '../../api/api-context';
import { ErrorBanner } from '../../ui/error-banner';
import type { InventoryStore } from './inventory.store';
import { WarehouseOptions } from './warehouse-options';
import type { TransferDraft } from './stock-alerts.view';

type Mode = 'receive' | 'adjust' | 'transfer';

/** Receipts, corrections and transfers: every one needs a reason, which the ledger keeps. */
export function StockMoveForm({ store, transfer }: { store: InventoryStore; transfer?: TransferDraft }) {
  const { t } = useTranslation();
  const api = useApi();
  const warehouses = useStore(store, (s) => s.warehouses);
  const [mode, setMode] = useState<Mode>(transfer ? 'transfer' : 'receive');
  const [warehouse, setWarehouse] = useState(transfer?.from ?? '');
  const [to, setTo] = useState(transfer?.to ?? '');
  const [sku, setSku] = useState(transfer?.sku ?? '');
  const [bin, setBin] = useState('');
  const [quantity, setQuantity] = useState(transfer ? String(transfer.quantity) : '');
  const [reason, setReason] = useState(transfer ? t('inventory.move.lowStockReason') : '');
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const wh = warehouse || warehouses[0]?.code || '';
  /** The warehouse's active bins, offered while typing so a slip (A-O1) is seen before posting. */
  const [bins, setBins] = useState<string[]>([]);
  useEffect(() => {
    if (mode !== 'receive' || !wh) return;
    let current = true;
    void api.call('bins.list', { warehouse: wh }).then((r) => {
      if (current) setBins(r.ok ? r.value.rows.filter((b) => b.active).map((b) => b.code) : []);
    });
    return () => {
      current = false;
    };
  }, [api, mode, wh]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const n = Number(quantity);
    if (!Number.isInteger(n) || n === 0 || (mode !== 'adjust' && n < 0)) {
      setError({ code: 'invalid_input', message: t('inventory.move.badQuantity') });
      return;
    }
    const r =
      mode === 'receive'
        ? await api.call('inventory.receive', {
            warehouse: wh,
            lines: [{ sku: sku.trim(), quantity: n, ...(bin.trim() ? { bin: bin.trim() } : {}) }],
            reason: reason.trim() || 'receipt',
          })
        : mode === 'adjust'
          ? await api.call('inventory.adjust', {
              warehouse: wh,
              sku: sku.trim(),
              delta: n,
              reason: reason.trim(),
            })
          : await api.call('inventory.transfer', {
              from: wh,
              to,
              sku: sku.trim(),
              quantity: n,
              reason: reason.trim() || 'transfer',
            });
    if (!r.ok) return setError(r.error);
    setError(null);
    const allocated = 'allocatedOrders' in r.value ? (r.value.allocatedOrders as number[]).length : 0;
    setDone(t('inventory.move.done', { count: allocated }));
    setQuantity('');
    void store.getState().loadLevels();
  };

  return (
    <form className="stock-form" onSubmit={(e) => void submit(e)}>
      <div className="radio-row" role="radiogroup" aria-label={t('inventory.move.mode')}>
        {(['receive', 'adjust', 'transfer'] as const).map((m) => (
          <label key={m} className="radio">
            <input type="radio" name="stock-mode" checked={mode === m} onChange={() => setMode(m)} />
            {t(`inventory.move.${m}`)}
          </label>
        ))}
      </div>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {done && <p className="notice">{done}</p>}
      <div className="stock-form-grid">
        <label>
          {mode === 'transfer' ? t('inventory.move.from') : t('inventory.filter.warehouse')}
          <select value={warehouse} onChange={(e) => setWarehouse(e.target.value)}>
            <WarehouseOptions warehouses={warehouses} />
          </select>
        </label>
        {mode === 'transfer' && (
          <label>
            {t('inventory.move.to')}
            <select value={to} onChange={(e) => setTo(e.target.value)} required>
              <option value="" />
              <WarehouseOptions warehouses={warehouses} />
            </select>
          </label>
        )}
        <label>
          {t('inventory.col.sku')}
          <input value={sku} onChange={(e) => setSku(e.target.value)} required autoComplete="off" />
        </label>
        {mode === 'receive' && (
          <label>
            {t('inventory.col.bin')}
            <input
              value={bin}
              onChange={(e) => setBin(e.target.value)}
              list="receive-bins"
              autoComplete="off"
              spellCheck={false}
            />
            <datalist id="receive-bins">
              {bins.map((b) => (
                <option key={b} value={b} />
              ))}
            </datalist>
          </label>
        )}
        <label>
          {mode === 'adjust' ? t('inventory.move.delta') : t('inventory.move.quantity')}
          <input
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
            inputMode="numeric"
            required
          />
        </label>
        <label className="field-wide">
          {t('inventory.ledger.reason')}
          <input
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required={mode === 'adjust'}
            placeholder={t('inventory.move.reasonHint')}
          />
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary">
          {t(`inventory.move.submit.${mode}`)}
        </button>
      </div>
    </form>
  );
}
