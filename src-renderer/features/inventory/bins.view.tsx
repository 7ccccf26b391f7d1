import { Fragment, useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { BinRow } from '../../../src-shared/contract/inventory.contract';
import { useApi } from '../../api/api-context';
import { ErrorBanner } from '../../ui/error-banner';
import { BinAddForm, BinAssignForm } from './bin-forms';
import { createBinsStore, SEQUENCE_STEP } from './bins.store';
import { WarehouseOptions } from './warehouse-options';

/**
 * 库位: the bins of one warehouse in walking order (pick lists follow it). Alt+↑/↓ on a row moves
 * the bin; Enter on the code renames it. Stock is counted per warehouse, so a bin shows the stock
 * of the SKUs whose default bin it is.
 */
export function BinsView({ warehouses }: { warehouses: { code: string; name: string }[] }) {
  const { t } = useTranslation();
  const api = useApi();
  const [store] = useState(() => createBinsStore(api));
  const s = useStore(store);
  const [open, setOpen] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<{ code: string; value: string } | null>(null);

  useEffect(() => {
    if (!s.warehouse && warehouses[0]) void s.setWarehouse(warehouses[0].code);
  }, [warehouses, s]);

  const active = s.bins.filter((b) => b.active);
  const rename = async () => {
    if (!renaming) return;
    const bin = s.bins.find((b) => b.code === renaming.code);
    const value = renaming.value.trim();
    if (bin && value && value !== bin.code) {
      const ok = await s.save([{ code: bin.code, sequence: bin.sequence, newCode: value }], {
        key: 'inventory.bins.renamed',
        values: { from: bin.code, to: value },
      });
      if (!ok) return;
    }
    setRenaming(null);
  };
  const onRowKey = (e: KeyboardEvent, b: BinRow) => {
    if (!b.active || !e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    void s.move(b.code, e.key === 'ArrowUp' ? -1 : 1);
  };

  return (
    <div className="bins-view">
      <div className="stock-filters">
        <label>
          {t('inventory.filter.warehouse')}
          <select value={s.warehouse} onChange={(e) => void s.setWarehouse(e.target.value)}>
            <WarehouseOptions warehouses={warehouses} />
          </select>
        </label>
        {s.loaded && (
          <span className="muted small">
            {t('inventory.bins.count', { count: active.length, retired: s.bins.length - active.length })}
          </span>
        )}
      </div>
      {s.error && <ErrorBanner error={s.error} onDismiss={() => s.setError(null)} />}
      {s.notice && (
        <p className="bins-notice" role="status">
          {t(s.notice.key, s.notice.values)}
        </p>
      )}
      <div className="bin-tools">
        <BinAddForm busy={s.busy} onAdd={(codes) => s.addCodes(codes)} />
        <BinAssignForm bins={s.bins} busy={s.busy} onAssign={(sku, bin) => s.assign(sku, bin)} />
      </div>
      <p className="muted small">{t('inventory.bins.keys')}</p>
      {s.loaded && s.bins.length === 0 ? (
        <p className="empty-note">{t('inventory.bins.empty')}</p>
      ) : (
        <table className="data-table bins-table">
          <thead>
            <tr>
              <th className="num">{t('inventory.bins.walk')}</th>
              <th>{t('inventory.col.bin')}</th>
              <th className="num">{t('inventory.bins.skus')}</th>
              <th className="num">{t('inventory.col.onHand')}</th>
              <th className="num">{t('inventory.col.available')}</th>
              <th>{t('inventory.bins.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {s.bins.map((b) => {
              const place = active.indexOf(b);
              const onHand = b.skus.reduce((n, k) => n + k.onHand, 0);
              const available = b.skus.reduce((n, k) => n + k.available, 0);
              return (
                <Fragment key={b.code}>
                  <tr
                    className={b.active ? undefined : 'bin-retired'}
                    tabIndex={0}
                    onKeyDown={(e) => onRowKey(e, b)}
                    aria-label={b.code}
                  >
                    <td className="num">{b.active ? place + 1 : '—'}</td>
                    <td className="mono">
                      {renaming?.code === b.code ? (
                        <input
                          autoFocus
                          aria-label={t('inventory.bins.newCode', { code: b.code })}
                          value={renaming.value}
                          onChange={(e) => setRenaming({ code: b.code, value: e.target.value })}
                          onKeyDown={(e) => {
                            if (e.key === 'Enter') void rename();
                            if (e.key === 'Escape') setRenaming(null);
                          }}
                          onBlur={() => void rename()}
                        />
                      ) : (
                        <>
                          {b.code}
                          {!b.active && <span className="muted small"> · {t('inventory.bins.retired')}</span>}
                        </>
                      )}
                    </td>
                    <td className="num">
                      {b.skuCount > 0 ? (
                        <button
                          type="button"
                          className="btn-link"
                          aria-expanded={open === b.code}
                          onClick={() => setOpen(open === b.code ? null : b.code)}
                        >
                          {b.skuCount}
                        </button>
                      ) : (
                        0
                      )}
                    </td>
                    <td className="num">{onHand}</td>
                    <td className="num">{available}</td>
                    <td className="bin-actions">
                      {b.active && (
                        <>
                          <button
                            type="button"
                            className="btn"
                            aria-label={t('inventory.bins.up', { code: b.code })}
                            disabled={s.busy || place === 0}
                            onClick={() => void s.move(b.code, -1)}
                          >
                            ↑
                          </button>
                          <button
                            type="button"
                            className="btn"
                            aria-label={t('inventory.bins.down', { code: b.code })}
                            disabled={s.busy || place === active.length - 1}
                            onClick={() => void s.move(b.code, 1)}
                          >
                            ↓
                          </button>
                        </>
                      )}
                      <button
                        type="button"
                        className="btn-link"
                        onClick={() => setRenaming({ code: b.code, value: b.code })}
                      >
                        {t('inventory.bins.rename')}
                      </button>
                      <button
                        type="button"
                        className="btn-link"
                        disabled={s.busy}
                        onClick={() =>
                          void s.save(
                            [
                              {
                                code: b.code,
                                sequence: b.active
                                  ? b.sequence
                                  : (active.at(-1)?.sequence ?? 0) + SEQUENCE_STEP,
                                active: !b.active,
                              },
                            ],
                            {
                              key: b.active
                                ? 'inventory.bins.retiredNotice'
                                : 'inventory.bins.restoredNotice',
                              values: { code: b.code },
                            },
                          )
                        }
                      >
                        {b.active ? t('inventory.bins.retire') : t('inventory.bins.restore')}
                      </button>
                    </td>
                  </tr>
                  {open === b.code && (
                    <tr className="bin-contents">
                      <td />
                      <td colSpan={5}>
                        <table className="data-table compact">
                          <tbody>
                            {b.skus.map((k) => (
                              <tr key={k.sku}>
                                <td className="mono">{k.sku}</td>
                                <td>{k.title}</td>
                                <td className="num">{t('inventory.bins.stockLine', k)}</td>
                                <td>
                                  <button
                                    type="button"
                                    className="btn-link"
                                    onClick={() => void s.assign(k.sku, null)}
                                  >
                                    {t('inventory.bins.unassign')}
                                  </button>
                                </td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
