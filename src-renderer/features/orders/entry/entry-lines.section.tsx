import { useTranslation } from 'react-i18next';
import type { SkuHit } from '../../../../src-shared/contract/catalog.contract';
import { formatMajor, parseWrittenMajor } from '../../../../src-shared/domain/money';
import { useApi } from '../../../api/api-context';
import { Combobox } from '../../../ui/combobox';
import { formatMoney } from '../../../ui/format';
import { typedAmount, typedQuantity, type EntryLine } from './order-entry.store';

const lineAmount = (l: EntryLine, currency: string): string => {
  const qty = typedQuantity(l.quantity, 0);
  const price = typedAmount(l.price, currency);
  return Number.isInteger(qty) && price !== null ? formatMoney(price * qty, currency) : '—';
};

/** The order's items: a SKU search that also takes scans, and one editable row per SKU. */
export function EntryLinesSection(props: {
  lines: EntryLine[];
  currency: string;
  errorOf(path: string): string | undefined;
  onAdd(hit: SkuHit): void;
  onChange(key: number, patch: Partial<Pick<EntryLine, 'quantity' | 'price'>>): void;
  onRemove(key: number): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { lines, currency, errorOf } = props;
  const listError = errorOf('lines');
  return (
    <fieldset className="entry-lines">
      <legend>{t('orders.entry.items')}</legend>
      <Combobox<SkuHit>
        label={t('orders.entry.skuSearch')}
        placeholder={t('orders.entry.skuSearchPlaceholder')}
        emptyText={t('orders.entry.noSku')}
        clearOnPick
        invalid={Boolean(listError)}
        search={async (query) => {
          const r = await api.call('skus.search', { query, limit: 10 });
          return r.ok ? r.value.rows : [];
        }}
        itemKey={(s) => s.sku}
        renderItem={(s) => (
          <span className="sku-hit">
            <span className="mono">{s.sku}</span>
            <span>
              {s.title}
              {s.spec && <span className="muted"> · {s.spec}</span>}
            </span>
            <span className="mono muted">{s.barcode ?? ''}</span>
            <span className="mono num">{formatMoney(s.priceMinor, s.currency)}</span>
          </span>
        )}
        onPick={props.onAdd}
      />
      {listError && <div className="field-error">{listError}</div>}
      {lines.length > 0 && (
        <table className="lines entry-lines-table">
          <thead>
            <tr>
              <th>{t('orders.lines.sku')}</th>
              <th>{t('orders.lines.title')}</th>
              <th className="num">{t('orders.lines.quantity')}</th>
              <th className="num">{t('orders.lines.unitPrice')}</th>
              <th className="num">{t('orders.lines.amount')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {lines.map((l, i) => {
              const skuError = errorOf(`lines.${i}.sku`);
              const qtyError = errorOf(`lines.${i}.quantity`);
              const priceError = errorOf(`lines.${i}.unitPriceMinor`);
              return (
                <tr key={l.key}>
                  <td className="mono">
                    {l.sku}
                    {skuError && <div className="field-error">{skuError}</div>}
                  </td>
                  <td>
                    {l.title}
                    {l.spec && <div className="muted small">{l.spec}</div>}
                  </td>
                  <td className="num">
                    <input
                      className="qty-input"
                      inputMode="numeric"
                      aria-label={t('orders.entry.quantityOf', { sku: l.sku })}
                      aria-invalid={qtyError ? true : undefined}
                      value={l.quantity}
                      onChange={(e) => props.onChange(l.key, { quantity: e.target.value })}
                    />
                    {qtyError && <div className="field-error">{qtyError}</div>}
                  </td>
                  <td className="num">
                    <input
                      className="price-input"
                      inputMode="decimal"
                      aria-label={t('orders.entry.priceOf', { sku: l.sku })}
                      aria-invalid={priceError ? true : undefined}
                      value={l.price}
                      onChange={(e) => props.onChange(l.key, { price: e.target.value })}
                      onBlur={(e) => {
                        try {
                          props.onChange(l.key, {
                            price: formatMajor(parseWrittenMajor(e.target.value, currency), currency),
                          });
                        } catch {
                          // Left as typed; submitting shows what is wrong with it.
                        }
                      }}
                    />
                    {priceError && <div className="field-error">{priceError}</div>}
                  </td>
                  <td className="num mono">{lineAmount(l, currency)}</td>
                  <td>
                    <button
                      type="button"
                      className="btn-icon"
                      aria-label={t('orders.entry.removeLine', { sku: l.sku })}
                      onClick={() => props.onRemove(l.key)}
                    >
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </fieldset>
  );
}
