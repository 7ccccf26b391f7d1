import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { FormField } from '../../ui/form-field';
import { issueText } from '../../i18n/error-text';
import type { WaveFilters, WavesStore } from './waves.store';

type Mix = 'any' | 'single' | 'multi';

interface Draft {
  warehouse: string;
  carrier: string;
  cutoff: string;
  mix: Mix;
  maxOrders: string;
  maxLines: string;
}

function toFilters(d: Draft): WaveFilters {
  return {
    warehouse: d.warehouse,
    maxOrders: Number(d.maxOrders) || 0,
    ...(d.carrier ? { carrier: d.carrier } : {}),
    ...(d.mix === 'single' ? { singleItemOnly: true } : d.mix === 'multi' ? { multiItemOnly: true } : {}),
    ...(d.maxLines.trim() ? { maxLines: Number(d.maxLines) || 0 } : {}),
    // datetime-local is the clerk's local time; the core wants an instant.
    ...(d.cutoff ? { cutoff: new Date(d.cutoff).toISOString() } : {}),
  };
}

/** Filters for a new wave, with the count it would take shown before anything is created. */
export function WaveCreateForm({ store, onOpen }: { store: WavesStore; onOpen(id: number): void }) {
  const { t } = useTranslation();
  const warehouses = useStore(store, (s) => s.warehouses);
  const carriers = useStore(store, (s) => s.carriers);
  const preview = useStore(store, (s) => s.preview);
  const issues = useStore(store, (s) => s.issues);
  const busy = useStore(store, (s) => s.busy);
  const [draft, setDraft] = useState<Draft>({
    warehouse: '',
    carrier: '',
    cutoff: '',
    mix: 'any',
    maxOrders: '20',
    maxLines: '',
  });
  const warehouse = draft.warehouse || warehouses[0]?.code || '';
  const filters = useMemo(() => toFilters({ ...draft, warehouse }), [draft, warehouse]);
  const edit = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const err = (field: string) => (issues[field] ? issueText(t, issues[field]) : undefined);

  useEffect(() => {
    if (!filters.warehouse) return;
    const timer = setTimeout(() => void store.getState().runPreview(filters), 150);
    return () => clearTimeout(timer);
  }, [store, filters]);

  return (
    <form
      className="settings-section wave-form"
      aria-labelledby="wave-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        void store
          .getState()
          .create(filters)
          .then((id) => id !== null && document.getElementById(`wave-open-${id}`)?.focus());
      }}
    >
      <h2 id="wave-form-title">{t('picking.create.title')}</h2>
      <div className="form-grid">
        <FormField label={t('picking.create.warehouse')} error={err('warehouse')}>
          <select value={warehouse} onChange={(e) => edit({ warehouse: e.target.value })}>
            {warehouses.map((w) => (
              <option key={w.code} value={w.code}>
                {w.code} · {w.name}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label={t('picking.create.carrier')} error={err('carrier')}>
          <select value={draft.carrier} onChange={(e) => edit({ carrier: e.target.value })}>
            <option value="">{t('picking.create.anyCarrier')}</option>
            {carriers.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code} · {c.name}
              </option>
            ))}
          </select>
        </FormField>
        <FormField
          label={t('picking.create.cutoff')}
          error={err('cutoff')}
          hint={t('picking.create.cutoffHint')}
        >
          <input
            type="datetime-local"
            value={draft.cutoff}
            onChange={(e) => edit({ cutoff: e.target.value })}
          />
        </FormField>
        <fieldset className="field mix-field">
          <legend>{t('picking.create.mix')}</legend>
          <div className="radio-row">
            {(['any', 'single', 'multi'] as const).map((m) => (
              <label key={m} className="radio">
                <input
                  type="radio"
                  name="wave-mix"
                  checked={draft.mix === m}
                  onChange={() => edit({ mix: m })}
                />
                {t(`picking.create.mix_${m}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <FormField label={t('picking.create.maxOrders')} error={err('maxOrders')}>
          <input
            type="number"
            min={1}
            max={500}
            value={draft.maxOrders}
            onChange={(e) => edit({ maxOrders: e.target.value })}
          />
        </FormField>
        <FormField
          label={t('picking.create.maxLines')}
          error={err('maxLines')}
          hint={t('picking.create.maxLinesHint')}
        >
          <input
            type="number"
            min={1}
            value={draft.maxLines}
            onChange={(e) => edit({ maxLines: e.target.value })}
          />
        </FormField>
      </div>
      <div className="wave-form-foot">
        <p className="wave-preview" role="status" aria-live="polite">
          {preview
            ? t('picking.create.preview', {
                orders: preview.orders,
                lines: preview.lines,
                units: preview.units,
                skus: preview.skus,
                allocated: preview.allocated,
              })
            : '\u00a0'}
        </p>
        <button
          type="submit"
          className="btn btn-primary btn-big"
          disabled={busy || !warehouse || !preview?.orders}
        >
          {preview?.orders
            ? t('picking.create.submitN', { count: preview.orders })
            : t('picking.create.submit')}
        </button>
      </div>
      <NoticeLink store={store} onOpen={onOpen} />
    </form>
  );
}

function NoticeLink({ store, onOpen }: { store: WavesStore; onOpen(id: number): void }) {
  const { t } = useTranslation();
  const notice = useStore(store, (s) => s.notice);
  if (notice?.kind !== 'created') return null;
  return (
    <p className="notice" role="status">
      {t('picking.create.created', { id: notice.waveId, count: notice.orders })}{' '}
      <button type="button" className="btn-link" onClick={() => onOpen(notice.waveId)}>
        {t('picking.waves.start')}
      </button>
    </p>
  );
}
