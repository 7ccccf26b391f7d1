import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { AppError } from '../../../src-shared/result';
import { useOrders } from './orders.store';

/** orders.merge takes at most this many orders at once. */
const MAX_MERGE = 50;

/**
 * The core refuses a merge with one sentence per order ("order 12 is on hold"). Known sentences
 * are said in the user's language with the order number they see; others are shown as written.
 */
const REFUSALS: [RegExp, string][] = [
  [/^order (\d+) is on hold$/, 'held'],
  [/^order (\d+) is cash on delivery$/, 'cod'],
  [/^order (\d+) is flagged "[^"]+"$/, 'flagged'],
  [/^order (\d+) has a different buyer, phone or address than order (\d+)$/, 'address'],
  [/^order (\d+) is from another channel or currency than order (\d+)$/, 'channel'],
  [/^order (\d+) is (\w+); only orders awaiting review or approved can be merged$/, 'status'],
];

export function refusalText(t: TFunction, message: string, ext: (id: number) => string): string {
  for (const [re, key] of REFUSALS) {
    const m = re.exec(message);
    if (!m) continue;
    const other = m[2] ?? '';
    return t(`orders.merge.why.${key}`, {
      order: ext(Number(m[1])),
      other: /^\d+$/.test(other) ? ext(Number(other)) : '',
      status: t(`status.${other}`, { defaultValue: other }),
    });
  }
  return message;
}

/** "Merge" for a multi-selection, with the core's reasons when it refuses. */
export function MergeButton() {
  const { t } = useTranslation();
  const selected = useOrders((s) => s.selected);
  const pages = useOrders((s) => s.pages);
  const merge = useOrders((s) => s.merge);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<AppError | null>(null);

  // Another selection is another question: forget the last answer.
  useEffect(() => {
    setConfirming(false);
    setRefusal(null);
  }, [selected]);

  if (selected.size < 2) return null;
  const ext = (id: number): string => {
    for (const page of pages.values()) {
      const row = page.rows.find((r) => r.id === id);
      if (row) return row.externalId;
    }
    return `#${id}`;
  };
  const tooMany = selected.size > MAX_MERGE;

  const run = async () => {
    if (!confirming) return setConfirming(true);
    setConfirming(false);
    setBusy(true);
    const r = await merge([...selected.keys()]);
    setBusy(false);
    if (!r.ok) setRefusal(r.error);
  };

  const reasons = refusal?.issues?.length
    ? refusal.issues.map((i) => i.message)
    : refusal
      ? [refusal.message]
      : [];
  return (
    <>
      <button
        type="button"
        className={`btn${confirming ? ' is-confirming' : ''}`}
        disabled={busy || tooMany}
        title={tooMany ? t('orders.merge.tooMany', { n: MAX_MERGE }) : t('orders.merge.hint')}
        onClick={() => void run()}
      >
        {confirming ? t('orders.merge.confirm', { count: selected.size }) : t('orders.merge.button')}
      </button>
      {refusal && (
        <div className="merge-refusal" role="alert">
          <strong>{t('orders.merge.refused')}</strong>
          <ul>
            {[...new Set(reasons)].map((m) => (
              <li key={m}>{refusalText(t, m, ext)}</li>
            ))}
          </ul>
          <button type="button" className="btn-link" onClick={() => setRefusal(null)}>
            {t('common.dismiss')}
          </button>
        </div>
      )}
    </>
  );
}
