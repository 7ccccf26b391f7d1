import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { Channel } from '../../../../src-shared/contract/settings.contract';
import {
  ENTRY_LIMITS,
  ENTRY_PAYMENT_METHODS,
  MANUAL_CHANNEL_CODE,
  OFFLINE_CHANNEL_KINDS,
} from '../../../../src-shared/contract/order-entry.schema';
import { ORDER_TYPES, type OrderType } from '../../../../src-shared/domain/ids';
import { useApi } from '../../../api/api-context';
import { issueText } from '../../../i18n/error-text';
import { isComposing, keepTabInside } from '../../../ui/dialog-keys';
import { ErrorBanner } from '../../../ui/error-banner';
import { FormField } from '../../../ui/form-field';
import { formatMoney } from '../../../ui/format';
import { EntryLinesSection } from './entry-lines.section';
import { EntryRecipientSection } from './entry-recipient.section';
import { createEntryStore } from './order-entry.store';
import './order-entry.css';

/** Currencies offered besides the channel's own; a buyer abroad may pay in theirs. */
const CURRENCIES = ['CNY', 'USD', 'EUR', 'GBP', 'HKD', 'JPY'];

/** Field paths the form shows next to a field; any other problem stays in the banner. */
const shownOnField = (path: string) =>
  /^(recipient\.(name|phone)|address\.\w+|lines(\.\d+\.(sku|quantity|unitPriceMinor))?|shippingMinor|buyerMessage|channel|currency)$/.test(
    path,
  );

/**
 * A phone or counter order typed in by hand. A modal: while it is open every key belongs to the
 * form (the queue's j/k/Space would otherwise fire while typing a name). Ctrl+Enter creates it.
 */
export function OrderEntryDialog(props: { onClose(): void; onCreated(id: number): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [store] = useState(() => createEntryStore(api));
  const s = useStore(store);
  const [channels, setChannels] = useState<Channel[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  // Focus goes back where it was (the queue) when the form closes, so j/k work at once. Done on
  // close rather than in an effect cleanup, which StrictMode also runs right after mounting.
  const [before] = useState(() => document.activeElement as HTMLElement | null);
  const close = () => {
    props.onClose();
    before?.focus({ preventScroll: true });
  };

  useEffect(() => {
    void api.call('channels.list', {}).then((r) => {
      if (r.ok)
        setChannels(
          r.value.rows.filter((c) => (OFFLINE_CHANNEL_KINDS as readonly string[]).includes(c.kind)),
        );
    });
  }, [api]);

  const errorOf = (path: string): string | undefined => {
    const m = s.fieldErrors[path];
    if (!m) return undefined;
    return t(`orders.entry.error.${m}`, { defaultValue: issueText(t, m) });
  };
  const v = s.values;
  const typed = Boolean(
    v.name ||
    v.phone ||
    v.addressText.trim() ||
    v.lines.length ||
    v.message ||
    v.shipping ||
    Object.values(v.intl).some(Boolean),
  );
  const [discarding, setDiscarding] = useState(false);
  const total = s.totalMinor();
  // Issues go under their fields; the banner keeps the headline and any issue with no field. The
  // core's one-line summary of the same issues (in English) would only repeat them.
  const bannerError = s.error && {
    ...s.error,
    message: s.error.issues?.length ? '' : s.error.message,
    issues: (s.error.issues ?? []).filter((i) => !shownOnField(i.path)),
  };

  const submit = async () => {
    if (s.busy) return;
    const made = await store.getState().submit();
    if (made) {
      props.onCreated(made.id);
      before?.focus({ preventScroll: true });
    } else {
      // A keyboard user lands on the first field to correct, once React has marked it.
      requestAnimationFrame(() =>
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
    }
  };

  const channelOptions = channels.some((c) => c.code === MANUAL_CHANNEL_CODE)
    ? channels
    : [{ code: MANUAL_CHANNEL_CODE, name: t('orders.entry.manualChannel'), currency: 'CNY' }, ...channels];

  return (
    <div className="modal-backdrop">
      <form
        ref={formRef}
        className="modal order-entry"
        role="dialog"
        aria-modal="true"
        aria-labelledby="order-entry-title"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        onKeyDown={(e) => {
          // Enter and Esc belong to the input method while it composes (拼音 → 汉字).
          if (isComposing(e)) return;
          keepTabInside(e, e.currentTarget);
          if (e.key !== 'Escape' && discarding) setDiscarding(false);
          if (e.key === 'Escape' && !e.defaultPrevented) {
            e.preventDefault();
            // A stray Esc must not throw away a typed order: the first one asks, the second discards.
            if (typed && !discarding) setDiscarding(true);
            else close();
          } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void submit();
          } else if (e.key === 'Enter' && e.target instanceof HTMLInputElement) {
            // A stray Enter in a field must not send a half-typed order; Ctrl+Enter or the button does.
            e.preventDefault();
          }
        }}
      >
        <header className="order-entry-head">
          <h2 id="order-entry-title">{t('orders.entry.title')}</h2>
          <span className="muted small">{t('orders.entry.keysHint')}</span>
        </header>
        {bannerError && <ErrorBanner error={bannerError} />}
        <div className="order-entry-body">
          <div className="form-grid">
            <FormField label={t('orders.entry.channel')} error={errorOf('channel')}>
              <select
                value={v.channel}
                onChange={(e) => {
                  s.set('channel', e.target.value);
                  s.setCurrency(channelOptions.find((c) => c.code === e.target.value)?.currency ?? 'CNY');
                }}
              >
                {channelOptions.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
            </FormField>
            <FormField label={t('orders.entry.type')}>
              <select value={v.type} onChange={(e) => s.set('type', e.target.value as OrderType | '')}>
                <option value="">{t('orders.entry.typeAuto')}</option>
                {ORDER_TYPES.map((x) => (
                  <option key={x} value={x}>
                    {t(`orderType.${x}`)}
                  </option>
                ))}
              </select>
            </FormField>
            <FormField label={t('orders.entry.payment')}>
              <select
                value={v.payment}
                onChange={(e) => s.set('payment', e.target.value as (typeof v)['payment'])}
              >
                <option value="">—</option>
                {ENTRY_PAYMENT_METHODS.map((m) => (
                  <option key={m} value={m}>
                    {t(`payment.${m}`)}
                  </option>
                ))}
              </select>
            </FormField>
          </div>
          <EntryRecipientSection store={store} errorOf={errorOf} />
          <EntryLinesSection
            lines={v.lines}
            currency={s.currency}
            errorOf={errorOf}
            onAdd={s.addSku}
            onChange={s.setLine}
            onRemove={s.removeLine}
          />
          <div className="form-grid">
            <FormField label={t('orders.entry.currency')} error={errorOf('currency')}>
              <select value={s.currency} onChange={(e) => s.setCurrency(e.target.value)}>
                {[...new Set([s.currency, ...CURRENCIES])].map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </FormField>
            <FormField label={t('orders.entry.shipping')} error={errorOf('shippingMinor')}>
              <input
                inputMode="decimal"
                value={v.shipping}
                onChange={(e) => s.set('shipping', e.target.value)}
              />
            </FormField>
            <FormField label={t('orders.entry.message')} error={errorOf('buyerMessage')}>
              <input
                value={v.message}
                maxLength={ENTRY_LIMITS.buyerMessage}
                onChange={(e) => s.set('message', e.target.value)}
              />
            </FormField>
          </div>
        </div>
        <footer className="order-entry-foot">
          {discarding && (
            <span className="order-entry-discard" role="status">
              {t('orderEntry.discardHint')}
            </span>
          )}
          <span className="order-entry-total" aria-live="polite">
            {t('orders.lines.total')}:{' '}
            <strong className="mono">{total === null ? '—' : formatMoney(total, s.currency)}</strong>
          </span>
          <button type="button" className="btn" onClick={close}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={s.busy}>
            {s.busy ? t('common.saving') : t('orders.entry.create')}
          </button>
        </footer>
      </form>
    </div>
  );
}
