import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PickItem } from '../../../src-shared/contract/fulfillment.contract';

/**
 * "The shelf has fewer than the wave needs": the picker says how many exist in total; the core
 * keeps the orders those units fill, writes the missing stock off pending a count and re-routes
 * the rest (another warehouse, or backordered).
 */
export function ShortPickDialog(props: { item: PickItem; onCancel(): void; onSubmit(found: number): void }) {
  const { t } = useTranslation();
  const { item } = props;
  const [found, setFound] = useState(String(item.picked));
  const n = Number(found);
  const valid = found.trim() !== '' && Number.isInteger(n) && n >= item.picked && n < item.required;
  return (
    <div className="modal-backdrop" data-no-scan>
      <form
        className="modal short-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="short-title"
        onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) props.onSubmit(n);
        }}
      >
        <h2 id="short-title">{t('picking.short.title', { sku: item.sku })}</h2>
        <p>{t('picking.short.intro', { required: item.required, picked: item.picked, title: item.title })}</p>
        <label className="field">
          <span>{t('picking.short.found')}</span>
          <input
            type="number"
            inputMode="numeric"
            min={item.picked}
            max={item.required - 1}
            value={found}
            onChange={(e) => setFound(e.target.value)}
            autoFocus
          />
        </label>
        {!valid && found.trim() !== '' && (
          <p className="field-error">
            {t('picking.short.range', { min: item.picked, max: item.required - 1 })}
          </p>
        )}
        <p className="muted small">{t('picking.short.effect')}</p>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary btn-big" disabled={!valid}>
            {t('picking.short.submit')}
          </button>
          <button type="button" className="btn btn-big" onClick={props.onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
