import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerMatch } from '../../../src-shared/contract/customers.contract';
import type { AppError } from '../../../src-shared/result';
import { useApi } from '../../api/api-context';
import { Combobox } from '../../ui/combobox';
import { ErrorBanner } from '../../ui/error-banner';

/**
 * Joins a duplicate profile (the same buyer under a new phone or a nickname, which the keys could
 * not join) into the one on screen: find it, read what moves, confirm. Not undoable, so it asks.
 */
export function CustomerMergeSection(props: { into: { id: number; name: string }; onMerged(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [dup, setDup] = useState<CustomerMatch | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  // Once the question is answered the keyboard goes back to the search (the confirm it was on is gone).
  const [answered, setAnswered] = useState(false);
  const close = () => {
    setDup(null);
    setAnswered(true);
  };
  const merge = async () => {
    if (!dup || busy) return;
    setBusy(true);
    const r = await api.call('customers.merge', { from: dup.id, into: props.into.id });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    close();
    setError(null);
    props.onMerged();
  };
  return (
    <section className="customer-merge" aria-label={t('customersPage.merge.title')}>
      <h3>{t('customersPage.merge.title')}</h3>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {dup ? (
        <div
          className="customer-merge-confirm"
          role="alertdialog"
          aria-label={t('customersPage.merge.title')}
          onKeyDown={(e) => {
            if (e.key !== 'Escape' || e.nativeEvent.isComposing) return;
            e.stopPropagation();
            close();
          }}
        >
          <p>
            {t('customersPage.merge.confirm', {
              name: dup.name,
              phone: dup.phone ?? '—',
              count: dup.orderCount,
              into: props.into.name,
            })}
          </p>
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void merge()}>
            {t('customersPage.merge.do')}
          </button>
          {/* Not undoable: the keyboard lands on the harmless answer. */}
          <button type="button" className="btn" autoFocus onClick={close}>
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        <Combobox<CustomerMatch>
          label={t('customersPage.merge.find')}
          placeholder={t('customersPage.merge.find')}
          emptyText={t('customersPage.none')}
          clearOnPick
          autoFocus={answered}
          search={async (query) => {
            const r = await api.call('customers.lookup', { query, limit: 8 });
            return r.ok ? r.value.rows.filter((c) => c.id !== props.into.id) : [];
          }}
          itemKey={(c) => String(c.id)}
          renderItem={(c) => (
            <span className="customer-hit">
              <strong>{c.name}</strong> <span className="mono">{c.phone ?? ''}</span>{' '}
              <span className="muted small">{t('customersPage.merge.orders', { count: c.orderCount })}</span>
            </span>
          )}
          onPick={setDup}
        />
      )}
    </section>
  );
}
