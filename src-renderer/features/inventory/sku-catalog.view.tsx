import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  HANDLING_ATTRIBUTES,
  type HandlingAttribute,
  type Sku,
} from '../../../src-shared/contract/inventory.contract';
import type { AppError } from '../../../src-shared/result';
import { useApi } from '../../api/api-context';
import { ErrorBanner } from '../../ui/error-banner';

interface Draft {
  sku: string;
  title: string;
  barcodes: string;
  category: string;
  weightGrams: string;
  dims: string;
  attributes: HandlingAttribute[];
  safetyStock: string;
  components: string;
  /** Pre-sale expected ship date (YYYY-MM-DD); empty when the SKU is sold from stock. */
  presale?: string;
}

const blank: Draft = {
  sku: '',
  title: '',
  barcodes: '',
  category: '',
  weightGrams: '0',
  dims: '',
  attributes: [],
  safetyStock: '0',
  components: '',
};

const toDraft = (s: Sku): Draft => ({
  sku: s.sku,
  title: s.title,
  barcodes: s.barcodes.join(', '),
  category: s.category ?? '',
  weightGrams: String(s.weightGrams),
  dims: s.lengthMm || s.widthMm || s.heightMm ? `${s.lengthMm}×${s.widthMm}×${s.heightMm}` : '',
  attributes: s.attributes,
  safetyStock: String(s.safetyStock),
  components: s.components.map((c) => `${c.sku}×${c.quantity}`).join(', '),
  presale: s.presaleShipDate ?? '',
});

/** "300×200×30" (mm), "TEE×2, CUP×1": short text forms a clerk can type; the server checks the rest. */
export function draftToInput(d: Draft) {
  const [lengthMm = 0, widthMm = 0, heightMm = 0] = d.dims
    .split(/[×xX*,\s]+/)
    .filter(Boolean)
    .map(Number);
  const list = (text: string) =>
    text
      .split(/[,，\n]+/)
      .map((v) => v.trim())
      .filter(Boolean);
  return {
    sku: d.sku.trim(),
    title: d.title.trim(),
    barcodes: list(d.barcodes),
    category: d.category.trim() || null,
    weightGrams: Number(d.weightGrams),
    lengthMm,
    widthMm,
    heightMm,
    attributes: d.attributes,
    safetyStock: Number(d.safetyStock),
    presaleShipDate: d.presale?.trim() || null,
    components: list(d.components).map((c) => {
      const [sku = '', quantity = '1'] = c.split(/[×xX*]/).map((v) => v.trim());
      return { sku, quantity: Number(quantity) };
    }),
  };
}

const whole = (v: string): boolean => /^\d+$/.test(v.trim());

/**
 * The number fields that are not whole numbers ("abc", "1.5", "三百"), by their label key: said
 * here, because the server would only see them as missing numbers.
 */
export function draftProblems(d: Draft): string[] {
  const out: string[] = [];
  if (!whole(d.weightGrams)) out.push('inventory.sku.weight');
  const dims = d.dims.split(/[×xX*,\s]+/).filter(Boolean);
  if (dims.length > 3 || !dims.every(whole)) out.push('inventory.sku.dims');
  if (!whole(d.safetyStock)) out.push('inventory.col.threshold');
  const parts = d.components
    .split(/[,，\n]+/)
    .map((v) => v.trim())
    .filter(Boolean);
  if (parts.some((c) => !whole(c.split(/[×xX*]/)[1] ?? '1'))) out.push('inventory.sku.components');
  return out;
}

export function SkuCatalogView() {
  const { t } = useTranslation();
  const api = useApi();
  const [search, setSearch] = useState('');
  const [rows, setRows] = useState<Sku[]>([]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const load = useCallback(async () => {
    const r = await api.call('skus.list', {
      ...(search.trim() ? { search: search.trim() } : {}),
      limit: 200,
    });
    if (r.ok) setRows(r.value.rows);
    else setError(r.error);
  }, [api, search]);
  useEffect(() => void load(), [load]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    const problems = draftProblems(draft);
    if (problems.length) {
      setError({
        code: 'invalid_input',
        message: t('inventory.sku.notNumbers', {
          fields: problems.map((k) => t(k)).join(t('inventory.sku.joiner')),
        }),
      });
      return;
    }
    const r = await api.call('skus.save', draftToInput(draft));
    if (!r.ok) return setError(r.error);
    setError(null);
    setDraft(null);
    void load();
  };
  const field = (
    k: keyof Draft,
    label: string,
    props: { inputMode?: 'numeric'; placeholder?: string } = {},
  ) => (
    <label>
      {label}
      <input
        value={draft![k] as string}
        onChange={(e) => setDraft({ ...draft!, [k]: e.target.value })}
        {...props}
      />
    </label>
  );

  return (
    <div className="sku-catalog">
      <div className="stock-filters">
        <label>
          {t('inventory.sku.search')}
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <button type="button" className="btn" onClick={() => setDraft(blank)}>
          + {t('inventory.sku.new')}
        </button>
      </div>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {draft && (
        <form className="stock-form-grid sku-form" onSubmit={(e) => void save(e)}>
          {field('sku', t('inventory.col.sku'))}
          {field('title', t('inventory.col.title'))}
          {field('barcodes', t('inventory.sku.barcodes'), { placeholder: '6901234567892, …' })}
          {field('category', t('inventory.sku.category'))}
          {field('weightGrams', t('inventory.sku.weight'), { inputMode: 'numeric' })}
          {field('dims', t('inventory.sku.dims'), { placeholder: '300×200×30' })}
          {field('safetyStock', t('inventory.col.threshold'), { inputMode: 'numeric' })}
          {field('components', t('inventory.sku.components'), { placeholder: 'TEE×2, CUP×1' })}
          <label>
            {t('inventory.sku.presale')}
            <input
              type="date"
              value={draft.presale ?? ''}
              onChange={(e) => setDraft({ ...draft, presale: e.target.value })}
            />
          </label>
          {HANDLING_ATTRIBUTES.map((a) => (
            <label key={a} className="checkbox">
              <input
                type="checkbox"
                checked={draft.attributes.includes(a)}
                onChange={(e) =>
                  setDraft({
                    ...draft,
                    attributes: e.target.checked
                      ? [...draft.attributes, a]
                      : draft.attributes.filter((x) => x !== a),
                  })
                }
              />
              {t(`inventory.attribute.${a}`)}
            </label>
          ))}
          <div className="form-actions">
            <button type="submit" className="btn btn-primary">
              {t('common.save')}
            </button>
            <button type="button" className="btn" onClick={() => setDraft(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      <table className="data-table">
        <thead>
          <tr>
            <th>{t('inventory.col.sku')}</th>
            <th>{t('inventory.col.title')}</th>
            <th>{t('inventory.sku.barcodes')}</th>
            <th className="num">{t('inventory.sku.weight')}</th>
            <th>{t('inventory.sku.attributes')}</th>
            <th>{t('inventory.sku.components')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.id}>
              <td className="mono">{s.sku}</td>
              <td>
                {s.title}
                {s.presaleShipDate && (
                  <span className="presale-badge">
                    {t('inventory.sku.presaleUntil', { date: s.presaleShipDate })}
                  </span>
                )}
              </td>
              <td className="mono small">{s.barcodes.join(', ')}</td>
              <td className="num">{s.weightGrams}</td>
              <td>{s.attributes.map((a) => t(`inventory.attribute.${a}`)).join(' · ')}</td>
              <td className="mono small">{s.components.map((c) => `${c.sku}×${c.quantity}`).join(', ')}</td>
              <td className="actions">
                <button type="button" className="btn-link" onClick={() => setDraft(toDraft(s))}>
                  {t('common.edit')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
