import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { expandBinRange } from '../../../src-shared/domain/bin-range';
import type { BinRow } from '../../../src-shared/contract/inventory.contract';

/** One bin, or a run of them ("A-01-01" to "A-01-20"), appended to the end of the walk. */
export function BinAddForm(props: { busy: boolean; onAdd(codes: string[]): Promise<boolean> }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const range = to.trim() ? expandBinRange(from, to) : null;
  const codes = range ? (range.ok ? range.codes : []) : from.trim() ? [from.trim()] : [];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (codes.length && (await props.onAdd(codes))) {
      setFrom('');
      setTo('');
    }
  };
  return (
    <form className="bin-form" onSubmit={(e) => void submit(e)} aria-label={t('inventory.bins.add')}>
      <h3>{t('inventory.bins.addTitle')}</h3>
      <label>
        {t('inventory.bins.code')}
        <input
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          placeholder="A-01-01"
          spellCheck={false}
        />
      </label>
      <label>
        {t('inventory.bins.rangeTo')}
        <input value={to} onChange={(e) => setTo(e.target.value)} placeholder="A-01-20" spellCheck={false} />
      </label>
      <button type="submit" className="btn btn-primary" disabled={props.busy || codes.length === 0}>
        {codes.length > 1 ? t('inventory.bins.addMany', { count: codes.length }) : t('inventory.bins.add')}
      </button>
      <span className="muted small bin-form-note" role="status">
        {range && !range.ok
          ? t('inventory.bins.badRange', { reason: range.reason })
          : codes.length > 1
            ? t('inventory.bins.preview', {
                first: codes[0],
                last: codes[codes.length - 1],
                count: codes.length,
              })
            : t('inventory.bins.rangeHint')}
      </span>
    </form>
  );
}

/** The default bin of a SKU (scan or type the SKU, pick the bin); pick lists walk by it. */
export function BinAssignForm(props: {
  bins: BinRow[];
  busy: boolean;
  onAssign(sku: string, bin: string | null): Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [sku, setSku] = useState('');
  const [bin, setBin] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (sku.trim() && (await props.onAssign(sku.trim(), bin || null))) setSku('');
  };
  return (
    <form className="bin-form" onSubmit={(e) => void submit(e)} aria-label={t('inventory.bins.assignTitle')}>
      <h3>{t('inventory.bins.assignTitle')}</h3>
      <label>
        {t('inventory.col.sku')}
        <input value={sku} onChange={(e) => setSku(e.target.value)} spellCheck={false} />
      </label>
      <label>
        {t('inventory.bins.defaultBin')}
        <select value={bin} onChange={(e) => setBin(e.target.value)}>
          <option value="">{t('inventory.bins.noBin')}</option>
          {props.bins
            .filter((b) => b.active)
            .map((b) => (
              <option key={b.code} value={b.code}>
                {b.code}
              </option>
            ))}
        </select>
      </label>
      <button type="submit" className="btn" disabled={props.busy || !sku.trim()}>
        {t('inventory.bins.assign')}
      </button>
      <span className="muted small bin-form-note">{t('inventory.bins.assignHint')}</span>
    </form>
  );
}
